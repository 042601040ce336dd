package org.vtpm.tpm.command;

/** The response of TPM2_PolicyAuthorize. */
public record PolicyAuthorizeResponse() implements TpmResponse {
}
