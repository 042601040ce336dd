package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_SetBits: ORs bits into a bit-field index. */
public record NvSetBits(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        long bits) implements TpmCommand<NvSetBitsResponse> {
}
