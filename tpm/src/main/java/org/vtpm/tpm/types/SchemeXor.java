package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMS_SCHEME_XOR: the XOR obfuscation scheme of a keyed-hash object. */
public record SchemeXor(
        @Check(Tpmi.AlgHash.class) AlgId hashAlg,
        @Check(Tpmi.AlgKdf.class) AlgId kdf) implements SchemeKeyedHashUnion {
}
