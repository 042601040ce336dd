package org.vtpm.tpm.command;

/** The response of TPM2_PCR_SetAuthValue. */
public record PcrSetAuthValueResponse() implements TpmResponse {
}
