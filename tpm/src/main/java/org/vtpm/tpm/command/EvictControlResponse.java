package org.vtpm.tpm.command;

/** The response of TPM2_EvictControl. */
public record EvictControlResponse() implements TpmResponse {
}
