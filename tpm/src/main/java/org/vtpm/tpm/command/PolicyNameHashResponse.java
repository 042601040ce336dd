package org.vtpm.tpm.command;

/** The response of TPM2_PolicyNameHash. */
public record PolicyNameHashResponse() implements TpmResponse {
}
