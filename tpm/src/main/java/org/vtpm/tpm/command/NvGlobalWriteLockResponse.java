package org.vtpm.tpm.command;

/** The response of TPM2_NV_GlobalWriteLock. */
public record NvGlobalWriteLockResponse() implements TpmResponse {
}
