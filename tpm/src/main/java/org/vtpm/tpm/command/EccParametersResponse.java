package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgorithmDetailEcc;

/** The response of TPM2_ECC_Parameters. */
public record EccParametersResponse(
        AlgorithmDetailEcc parameters) implements TpmResponse {
}
