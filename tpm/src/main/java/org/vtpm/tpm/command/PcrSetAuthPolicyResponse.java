package org.vtpm.tpm.command;

/** The response of TPM2_PCR_SetAuthPolicy. */
public record PcrSetAuthPolicyResponse() implements TpmResponse {
}
