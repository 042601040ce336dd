package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPM2_NV_Read: reads data from an NV index. */
public record NvRead(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        @Uint(16) int size,
        @Uint(16) int offset) implements TpmCommand<NvReadResponse> {
}
