package org.vtpm.tpm.command;

/** The response of TPM2_Startup. */
public record StartupResponse() implements TpmResponse {
}
