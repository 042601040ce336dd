package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_Quote. */
public record QuoteResponse(
        Tpm2b<Attest> quoted,
        Signature signature) implements TpmResponse {
}
