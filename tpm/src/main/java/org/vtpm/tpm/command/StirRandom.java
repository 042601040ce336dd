package org.vtpm.tpm.command;

import org.vtpm.tpm.types.SensitiveData;

/** TPM2_StirRandom: adds entropy to the TPM's random number generator. */
public record StirRandom(
        SensitiveData inData) implements TpmCommand<StirRandomResponse> {
}
