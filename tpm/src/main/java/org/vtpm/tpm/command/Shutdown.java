package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_Shutdown: prepares the TPM for a power loss, saving state for TPM_SU_STATE. */
public record Shutdown(
        @Check(Tpmi.SuValues.class) Su shutdownType) implements TpmCommand<ShutdownResponse> {
}
