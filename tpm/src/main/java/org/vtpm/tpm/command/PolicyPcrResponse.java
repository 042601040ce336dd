package org.vtpm.tpm.command;

/** The response of TPM2_PolicyPCR. */
public record PolicyPcrResponse() implements TpmResponse {
}
