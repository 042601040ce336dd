package org.vtpm.tpm.command;

/** The response of TPM2_PolicyTemplate. */
public record PolicyTemplateResponse() implements TpmResponse {
}
