package org.vtpm.tpm.command;

/** The response of TPM2_ClearControl. */
public record ClearControlResponse() implements TpmResponse {
}
