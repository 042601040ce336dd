package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMI_ALG_HASH: the TPMU_SYM_KEY_BITS arm of XOR obfuscation: its hash algorithm. */
public record XorHash(
        @Check(Tpmi.AlgHash.class) AlgId hashAlg) implements SymKeyBitsUnion {
}
