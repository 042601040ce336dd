package org.vtpm.tpm.command;

/** The response of TPM2_NV_ReadLock. */
public record NvReadLockResponse() implements TpmResponse {
}
