package org.vtpm.tpm.engine;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymDefObject;

/** Object templates the key tests use. */
final class Templates {

    static final ObjectAttributes SIGNING = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.SIGN_ENCRYPT);
    static final ObjectAttributes ATTESTATION = SIGNING.with(ObjectAttributes.RESTRICTED);
    static final ObjectAttributes STORAGE = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.RESTRICTED, ObjectAttributes.DECRYPT, ObjectAttributes.NO_DA);

    private Templates() {
    }

    static Public ecc(int curve, ObjectAttributes attributes, AlgId scheme, AlgId hash) {
        EccScheme s = scheme.equals(AlgId.NULL) ? EccScheme.NULL : new EccScheme(scheme, new SchemeHash(hash));
        return new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, s, new EccCurve(curve), KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    static Public rsa(int bits, ObjectAttributes attributes, AlgId scheme, AlgId hash) {
        RsaScheme s = scheme.equals(AlgId.NULL) ? RsaScheme.NULL : new RsaScheme(scheme, new SchemeHash(hash));
        return new Public(AlgId.RSA, AlgId.SHA256, attributes, Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, s, bits, 0), PublicKeyRsa.EMPTY);
    }

    static Public rsaStorage() {
        return new Public(AlgId.RSA, AlgId.SHA256, STORAGE, Digest.EMPTY,
                new RsaParms(SymDefObject.aesCfb(128), RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY);
    }

    /** A sealed-data object: keyed-hash without sign or decrypt, usable only through {@code authPolicy}. */
    static Public sealedData(Digest authPolicy) {
        return new Public(AlgId.KEYEDHASH, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
                ObjectAttributes.FIXED_PARENT), authPolicy, new KeyedHashParms(KeyedHashScheme.NULL), Digest.EMPTY);
    }

    static Public hmac(AlgId hash) {
        return new Public(AlgId.KEYEDHASH, AlgId.SHA256, SIGNING, Digest.EMPTY,
                new KeyedHashParms(new KeyedHashScheme(AlgId.HMAC, new SchemeHash(hash))), Digest.EMPTY);
    }
}
