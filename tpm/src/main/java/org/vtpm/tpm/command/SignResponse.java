package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Signature;

/** The response of TPM2_Sign. */
public record SignResponse(
        Signature signature) implements TpmResponse {
}
