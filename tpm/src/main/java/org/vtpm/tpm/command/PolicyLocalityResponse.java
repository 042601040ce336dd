package org.vtpm.tpm.command;

/** The response of TPM2_PolicyLocality. */
public record PolicyLocalityResponse() implements TpmResponse {
}
