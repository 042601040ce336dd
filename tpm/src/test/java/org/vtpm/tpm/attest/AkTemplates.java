package org.vtpm.tpm.attest;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymDefObject;

/** Public-area templates of the attestation and signing keys the tests create. */
enum AkTemplates {
    ECDSA_P256(AlgId.ECC, AlgId.ECDSA, AlgId.SHA256, EccCurve.NIST_P256),
    ECDSA_P384(AlgId.ECC, AlgId.ECDSA, AlgId.SHA384, EccCurve.NIST_P384),
    RSASSA_2048(AlgId.RSA, AlgId.RSASSA, AlgId.SHA256, null),
    RSAPSS_2048(AlgId.RSA, AlgId.RSAPSS, AlgId.SHA256, null);

    private static final ObjectAttributes KEY = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.NO_DA, ObjectAttributes.SIGN_ENCRYPT);

    private final AlgId type;
    private final AlgId scheme;
    private final AlgId hash;
    private final EccCurve curve;

    AkTemplates(AlgId type, AlgId scheme, AlgId hash, EccCurve curve) {
        this.type = type;
        this.scheme = scheme;
        this.hash = hash;
        this.curve = curve;
    }

    /** A restricted signing key: an attestation key. */
    Public attestationKey() {
        return template(KEY.with(ObjectAttributes.RESTRICTED));
    }

    /** An unrestricted signing key, which signs any digest: a CA key. */
    Public signingKey() {
        return template(KEY);
    }

    private Public template(ObjectAttributes attributes) {
        if (type.equals(AlgId.ECC)) {
            return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                    new EccParms(SymDefObject.NULL, new EccScheme(scheme, new SchemeHash(hash)), curve, KdfScheme.NULL),
                    new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
        }
        return new Public(AlgId.RSA, AlgId.SHA256, attributes, Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, new RsaScheme(scheme, new SchemeHash(hash)), 2048, 0), PublicKeyRsa.EMPTY);
    }
}
