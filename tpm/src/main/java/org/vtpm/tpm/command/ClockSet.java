package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ClockSet: advances Clock (never backwards). */
public record ClockSet(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle auth,
        long newTime) implements TpmCommand<ClockSetResponse> {
}
