package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_Startup: initializes the TPM after TPM_Init, resuming saved state for TPM_SU_STATE. */
public record Startup(
        @Check(Tpmi.SuValues.class) Su startupType) implements TpmCommand<StartupResponse> {
}
