package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxNvBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPM2_NV_Write: writes data to an ordinary NV index at an offset. */
public record NvWrite(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        MaxNvBuffer data,
        @Uint(16) int offset) implements TpmCommand<NvWriteResponse> {
}
