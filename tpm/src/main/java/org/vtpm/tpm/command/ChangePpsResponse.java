package org.vtpm.tpm.command;

/** The response of TPM2_ChangePPS. */
public record ChangePpsResponse() implements TpmResponse {
}
