package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/**
 * TPMU_PUBLIC_PARMS: the algorithm parameters of an object, by its type. Each arm is a type that implements this
 * interface.
 */
public interface PublicParmsUnion {

    Union<PublicParmsUnion> UNION = Union.<PublicParmsUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.KEYEDHASH, KeyedHashParms.class)
            .arm(AlgId.SYMCIPHER, SymCipherParms.class)
            .arm(AlgId.RSA, RsaParms.class)
            .arm(AlgId.ECC, EccParms.class)
            .build();
}
