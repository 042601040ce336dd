package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Su;

/** TPM2_Startup: initializes the TPM after TPM_Init, resuming saved state for TPM_SU_STATE. */
public record Startup(
        Su startupType) implements TpmCommand<StartupResponse> {
}
