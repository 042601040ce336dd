package org.vtpm.tpm.command;

import org.vtpm.tpm.types.SensitiveData;

/** The response of TPM2_Unseal. */
public record UnsealResponse(
        SensitiveData outData) implements TpmResponse {
}
