package org.vtpm.tpm.command;

/** The response of TPM2_PolicyNvWritten. */
public record PolicyNvWrittenResponse() implements TpmResponse {
}
