package org.vtpm.tpm.command;

/** The response of TPM2_NV_SetBits. */
public record NvSetBitsResponse() implements TpmResponse {
}
