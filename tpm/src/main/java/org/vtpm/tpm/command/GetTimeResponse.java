package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Attest;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_GetTime. */
public record GetTimeResponse(
        Tpm2b<Attest> timeInfo,
        Signature signature) implements TpmResponse {
}
