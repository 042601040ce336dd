package org.vtpm.tpm.command;

/** The response of TPM2_NV_Extend. */
public record NvExtendResponse() implements TpmResponse {
}
