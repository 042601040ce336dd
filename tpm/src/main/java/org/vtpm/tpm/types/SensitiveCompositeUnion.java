package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/**
 * TPMU_SENSITIVE_COMPOSITE: the secret of an object, by its type. Each arm is a type that implements this interface.
 */
public interface SensitiveCompositeUnion {

    Union<SensitiveCompositeUnion> UNION = Union.<SensitiveCompositeUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.RSA, PrivateKeyRsa.class)
            .arm(AlgId.ECC, EccParameter.class)
            .arm(AlgId.KEYEDHASH, SensitiveData.class)
            .arm(AlgId.SYMCIPHER, SymKey.class)
            .build();
}
