package org.vtpm.tpm.command;

/** The response of TPM2_StirRandom. */
public record StirRandomResponse() implements TpmResponse {
}
