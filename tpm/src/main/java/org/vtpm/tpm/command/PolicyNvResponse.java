package org.vtpm.tpm.command;

/** The response of TPM2_PolicyNV. */
public record PolicyNvResponse() implements TpmResponse {
}
