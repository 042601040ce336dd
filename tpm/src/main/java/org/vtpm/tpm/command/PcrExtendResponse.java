package org.vtpm.tpm.command;

/** The response of TPM2_PCR_Extend. */
public record PcrExtendResponse() implements TpmResponse {
}
