package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/**
 * TPMU_ASYM_SCHEME: the details of an asymmetric scheme (signing, encryption or key exchange). Each arm is a type that
 * implements this interface.
 */
public interface AsymSchemeUnion {

    Union<AsymSchemeUnion> UNION = Union.<AsymSchemeUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.ECDH, SchemeHash.class)
            .arm(AlgId.ECMQV, SchemeHash.class)
            .arm(AlgId.RSASSA, SchemeHash.class)
            .arm(AlgId.RSAPSS, SchemeHash.class)
            .arm(AlgId.ECDSA, SchemeHash.class)
            .arm(AlgId.SM2, SchemeHash.class)
            .arm(AlgId.ECSCHNORR, SchemeHash.class)
            .arm(AlgId.OAEP, SchemeHash.class)
            .arm(AlgId.ECDAA, SchemeEcdaa.class)
            .arm(AlgId.RSAES, Empty.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
