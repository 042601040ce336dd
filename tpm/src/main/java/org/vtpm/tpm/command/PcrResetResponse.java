package org.vtpm.tpm.command;

/** The response of TPM2_PCR_Reset. */
public record PcrResetResponse() implements TpmResponse {
}
