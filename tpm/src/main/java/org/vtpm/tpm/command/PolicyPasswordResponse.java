package org.vtpm.tpm.command;

/** The response of TPM2_PolicyPassword. */
public record PolicyPasswordResponse() implements TpmResponse {
}
