package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMS_SIGNATURE_ECC: an ECDSA, ECDAA, SM2 or EC-Schnorr signature. */
public record SignatureEcc(
        @Check(Tpmi.AlgHash.class) AlgId hash,
        EccParameter signatureR,
        EccParameter signatureS) implements SignatureUnion {
}
