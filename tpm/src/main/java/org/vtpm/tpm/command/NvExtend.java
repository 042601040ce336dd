package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_Extend: extends an extend index with data. */
public record NvExtend(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        MaxNvBuffer data) implements TpmCommand<NvExtendResponse> {
}
