package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ClearControl: disables or enables TPM2_Clear. */
public record ClearControl(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhClear.class) Handle auth,
        boolean disable) implements TpmCommand<ClearControlResponse> {
}
