package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPMS_NV_PUBLIC: the public area of an NV index. */
public record NvPublic(
        @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        @Check(Tpmi.AlgHash.class) AlgId nameAlg,
        NvAttributes attributes,
        Digest authPolicy,
        @Uint(16) int dataSize) {
}
