package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_KDF_SCHEME: the details of a key derivation function. Each arm is a type that implements this interface. */
public interface KdfSchemeUnion {

    Union<KdfSchemeUnion> UNION = Union.<KdfSchemeUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.MGF1, SchemeHash.class)
            .arm(AlgId.KDF1_SP800_56A, SchemeHash.class)
            .arm(AlgId.KDF2, SchemeHash.class)
            .arm(AlgId.KDF1_SP800_108, SchemeHash.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
