package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM2_ClockRateAdjust: makes Clock run a step slower or faster.
 *
 * @param rateAdjust TPM_CLOCK_ADJUST, an INT8 (-3 coarse slower to 3 coarse faster) as its byte
 */
public record ClockRateAdjust(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle auth,
        @Check(Tpmi.ClockAdjustValues.class) @Uint(8) int rateAdjust)
        implements TpmCommand<ClockRateAdjustResponse> {
}
