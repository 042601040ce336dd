package org.vtpm.tpm.command;

/** The response of TPM2_PolicyRestart. */
public record PolicyRestartResponse() implements TpmResponse {
}
