package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_Clear: removes everything of the owner and endorsement hierarchies. */
public record Clear(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.RhClear.class) Handle authHandle) implements TpmCommand<ClearResponse> {
}
