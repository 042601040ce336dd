package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_ReadPublic: reads the public area and name of an NV index. */
public record NvReadPublic(
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex) implements TpmCommand<NvReadPublicResponse> {
}
