package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_SCHEME_KEYEDHASH: the details of a keyed-hash scheme. Each arm is a type that implements this interface. */
public interface SchemeKeyedHashUnion {

    Union<SchemeKeyedHashUnion> UNION = Union.<SchemeKeyedHashUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.HMAC, SchemeHash.class)
            .arm(AlgId.XOR, SchemeXor.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
