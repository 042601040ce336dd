package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_WriteLock: locks an index against writes. */
public record NvWriteLock(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex) implements TpmCommand<NvWriteLockResponse> {
}
