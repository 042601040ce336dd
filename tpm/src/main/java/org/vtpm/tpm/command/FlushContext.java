package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_FlushContext: removes a loaded object or session; the handle is a parameter, not in the handle area. */
public record FlushContext(
        @Check(Tpmi.DhContext.class) Handle flushHandle) implements TpmCommand<FlushContextResponse> {
}
