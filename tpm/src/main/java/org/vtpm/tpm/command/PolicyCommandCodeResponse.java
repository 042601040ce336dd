package org.vtpm.tpm.command;

/** The response of TPM2_PolicyCommandCode. */
public record PolicyCommandCodeResponse() implements TpmResponse {
}
