package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPMS_SCHEME_ECDAA: ECDAA: a hash algorithm and the commit count. */
public record SchemeEcdaa(
        @Check(Tpmi.AlgHash.class) AlgId hashAlg,
        @Uint(16) int count) implements AsymSchemeUnion, SigSchemeUnion {
}
