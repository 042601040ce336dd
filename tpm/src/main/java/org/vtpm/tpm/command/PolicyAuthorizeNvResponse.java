package org.vtpm.tpm.command;

/** The response of TPM2_PolicyAuthorizeNV. */
public record PolicyAuthorizeNvResponse() implements TpmResponse {
}
