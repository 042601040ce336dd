package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ContextSave: saves the context of a loaded object or session. */
public record ContextSave(
        @HandleArea @Check(Tpmi.DhContext.class) Handle saveHandle) implements TpmCommand<ContextSaveResponse> {
}
