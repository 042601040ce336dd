package org.vtpm.tpm.command;

/** The response of TPM2_NV_WriteLock. */
public record NvWriteLockResponse() implements TpmResponse {
}
