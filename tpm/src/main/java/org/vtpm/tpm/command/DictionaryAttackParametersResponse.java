package org.vtpm.tpm.command;

/** The response of TPM2_DictionaryAttackParameters. */
public record DictionaryAttackParametersResponse() implements TpmResponse {
}
