package org.vtpm.tpm.command;

/** The response of TPM2_PolicyAuthValue. */
public record PolicyAuthValueResponse() implements TpmResponse {
}
