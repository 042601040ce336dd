package org.vtpm.tpm.command;

/** The response of TPM2_DictionaryAttackLockReset. */
public record DictionaryAttackLockResetResponse() implements TpmResponse {
}
