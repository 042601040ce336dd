package org.vtpm.tpm.command;

/** The response of TPM2_PolicyOR. */
public record PolicyOrResponse() implements TpmResponse {
}
