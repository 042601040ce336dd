package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Su;

/** TPM2_Shutdown: prepares the TPM for a power loss, saving state for TPM_SU_STATE. */
public record Shutdown(
        Su shutdownType) implements TpmCommand<ShutdownResponse> {
}
