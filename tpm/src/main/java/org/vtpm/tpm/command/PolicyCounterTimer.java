package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Operand;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPM2_PolicyCounterTimer: binds a policy to a comparison with the TPM's clock and counters (TPMS_TIME_INFO). */
public record PolicyCounterTimer(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Operand operandB,
        @Uint(16) int offset,
        @Check(Tpmi.EoValues.class) Eo operation) implements TpmCommand<PolicyCounterTimerResponse> {
}
