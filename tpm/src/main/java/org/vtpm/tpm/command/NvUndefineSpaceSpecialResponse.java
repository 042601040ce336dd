package org.vtpm.tpm.command;

/** The response of TPM2_NV_UndefineSpaceSpecial. */
public record NvUndefineSpaceSpecialResponse() implements TpmResponse {
}
