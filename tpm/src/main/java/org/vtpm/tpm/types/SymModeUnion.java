package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_SYM_MODE: the mode of a symmetric algorithm. Each arm is a type that implements this interface. */
public interface SymModeUnion {

    Union<SymModeUnion> UNION = Union.<SymModeUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.AES, SymModeAlg.class)
            .arm(AlgId.SM4, SymModeAlg.class)
            .arm(AlgId.CAMELLIA, SymModeAlg.class)
            .arm(AlgId.XOR, Empty.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
