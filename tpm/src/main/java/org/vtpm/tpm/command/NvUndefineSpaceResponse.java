package org.vtpm.tpm.command;

/** The response of TPM2_NV_UndefineSpace. */
public record NvUndefineSpaceResponse() implements TpmResponse {
}
