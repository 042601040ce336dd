package org.vtpm.tpm.command;

/** The response of TPM2_NV_Increment. */
public record NvIncrementResponse() implements TpmResponse {
}
