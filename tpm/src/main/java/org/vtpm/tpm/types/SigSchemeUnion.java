package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_SIG_SCHEME: the details of a signature scheme. Each arm is a type that implements this interface. */
public interface SigSchemeUnion {

    Union<SigSchemeUnion> UNION = Union.<SigSchemeUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.HMAC, SchemeHash.class)
            .arm(AlgId.RSASSA, SchemeHash.class)
            .arm(AlgId.RSAPSS, SchemeHash.class)
            .arm(AlgId.ECDSA, SchemeHash.class)
            .arm(AlgId.SM2, SchemeHash.class)
            .arm(AlgId.ECSCHNORR, SchemeHash.class)
            .arm(AlgId.ECDAA, SchemeEcdaa.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
