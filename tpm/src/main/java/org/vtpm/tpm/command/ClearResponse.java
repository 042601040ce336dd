package org.vtpm.tpm.command;

/** The response of TPM2_Clear. */
public record ClearResponse() implements TpmResponse {
}
