package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;

/** TPMS_SIGNATURE_RSA: an RSASSA or RSAPSS signature. */
public record SignatureRsa(
        @Check(Tpmi.AlgHash.class) AlgId hash,
        PublicKeyRsa sig) implements SignatureUnion {
}
