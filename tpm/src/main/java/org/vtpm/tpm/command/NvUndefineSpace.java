package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_UndefineSpace: removes an NV index. */
public record NvUndefineSpace(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex) implements TpmCommand<NvUndefineSpaceResponse> {
}
