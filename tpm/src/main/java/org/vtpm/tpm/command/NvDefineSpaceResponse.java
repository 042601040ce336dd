package org.vtpm.tpm.command;

/** The response of TPM2_NV_DefineSpace. */
public record NvDefineSpaceResponse() implements TpmResponse {
}
