package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/**
 * TPMU_PUBLIC_ID: the unique identifier of an object, by its type. Each arm is a type that implements this interface.
 */
public interface PublicIdUnion {

    Union<PublicIdUnion> UNION = Union.<PublicIdUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.KEYEDHASH, Digest.class)
            .arm(AlgId.SYMCIPHER, Digest.class)
            .arm(AlgId.RSA, PublicKeyRsa.class)
            .arm(AlgId.ECC, EccPoint.class)
            .build();
}
