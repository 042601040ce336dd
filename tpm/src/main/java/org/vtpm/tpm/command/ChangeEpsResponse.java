package org.vtpm.tpm.command;

/** The response of TPM2_ChangeEPS. */
public record ChangeEpsResponse() implements TpmResponse {
}
