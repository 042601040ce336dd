package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.Union;

/** TPMU_SIGNATURE: a signature, by its scheme. Each arm is a type that implements this interface. */
public interface SignatureUnion {

    Union<SignatureUnion> UNION = Union.<SignatureUnion>builder(TpmRc.SELECTOR)
            .arm(AlgId.RSASSA, SignatureRsa.class)
            .arm(AlgId.RSAPSS, SignatureRsa.class)
            .arm(AlgId.ECDSA, SignatureEcc.class)
            .arm(AlgId.ECDAA, SignatureEcc.class)
            .arm(AlgId.SM2, SignatureEcc.class)
            .arm(AlgId.ECSCHNORR, SignatureEcc.class)
            .arm(AlgId.HMAC, Ha.class)
            .arm(AlgId.NULL, Empty.class)
            .build();
}
