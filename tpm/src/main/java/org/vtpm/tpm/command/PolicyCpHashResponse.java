package org.vtpm.tpm.command;

/** The response of TPM2_PolicyCpHash. */
public record PolicyCpHashResponse() implements TpmResponse {
}
