package org.vtpm.tpm.command;

/** The response of TPM2_NV_Write. */
public record NvWriteResponse() implements TpmResponse {
}
