package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_Increment: increments a counter index. */
public record NvIncrement(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex) implements TpmCommand<NvIncrementResponse> {
}
