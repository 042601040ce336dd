package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_SYM_KEY_BITS: the key size of a symmetric algorithm. Each arm is a type that implements this interface. */
public interface SymKeyBitsUnion {

    Union<SymKeyBitsUnion> UNION = Union.<SymKeyBitsUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.AES, KeyBits.class)
            .arm(AlgId.SM4, KeyBits.class)
            .arm(AlgId.CAMELLIA, KeyBits.class)
            .arm(AlgId.XOR, XorHash.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
