package org.vtpm.tpm.command;

import org.vtpm.tpm.types.TkVerified;

/** The response of TPM2_VerifySignature. */
public record VerifySignatureResponse(
        TkVerified validation) implements TpmResponse {
}
