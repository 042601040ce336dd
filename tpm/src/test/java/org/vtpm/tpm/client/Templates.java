package org.vtpm.tpm.client;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.KeyedHashScheme;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymModeAlg;

/** Public-area templates for the keys the swtpm tests create. */
final class Templates {

    static final AlgId SHA256 = AlgId.SHA256;
    private static final ObjectAttributes KEY = ObjectAttributes.of(ObjectAttributes.FIXED_TPM,
            ObjectAttributes.FIXED_PARENT, ObjectAttributes.SENSITIVE_DATA_ORIGIN, ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.NO_DA);
    static final ObjectAttributes STORAGE = KEY.with(ObjectAttributes.of(ObjectAttributes.RESTRICTED,
            ObjectAttributes.DECRYPT));

    private Templates() {
    }

    static Public rsaStorage() {
        return new Public(AlgId.RSA, SHA256, STORAGE, Digest.EMPTY,
                new RsaParms(SymDefObject.aesCfb(128), RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY);
    }

    static Public eccStorage() {
        return new Public(AlgId.ECC, SHA256, STORAGE, Digest.EMPTY,
                new EccParms(SymDefObject.aesCfb(128), EccScheme.NULL, EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    /** An unrestricted RSASSA-SHA256 signing key. */
    static Public rsaSigning() {
        return new Public(AlgId.RSA, SHA256, KEY.with(ObjectAttributes.SIGN_ENCRYPT), Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, new RsaScheme(AlgId.RSASSA, new SchemeHash(SHA256)), 2048, 0),
                PublicKeyRsa.EMPTY);
    }

    /** A restricted ECDSA-SHA256 signing key: an attestation key. */
    static Public eccAttestation() {
        return new Public(AlgId.ECC, SHA256, KEY.with(ObjectAttributes.of(ObjectAttributes.SIGN_ENCRYPT,
                ObjectAttributes.RESTRICTED)), Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDSA, new SchemeHash(SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    /** An unrestricted RSA decryption key with no scheme, so each call chooses one. */
    static Public rsaDecryption() {
        return new Public(AlgId.RSA, SHA256, KEY.with(ObjectAttributes.DECRYPT), Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, RsaScheme.NULL, 2048, 0), PublicKeyRsa.EMPTY);
    }

    /** An unrestricted ECDH key. */
    static Public eccExchange() {
        return new Public(AlgId.ECC, SHA256, KEY.with(ObjectAttributes.DECRYPT), Digest.EMPTY,
                new EccParms(SymDefObject.NULL, new EccScheme(AlgId.ECDH, new SchemeHash(SHA256)),
                        EccCurve.NIST_P256, KdfScheme.NULL),
                new EccPoint(EccParameter.EMPTY, EccParameter.EMPTY));
    }

    /** An HMAC-SHA256 key. */
    static Public hmacKey() {
        return new Public(AlgId.KEYEDHASH, SHA256, KEY.with(ObjectAttributes.SIGN_ENCRYPT), Digest.EMPTY,
                new KeyedHashParms(new KeyedHashScheme(AlgId.HMAC, new SchemeHash(SHA256))), Digest.EMPTY);
    }

    /** An AES-128 key for TPM2_EncryptDecrypt2 in any mode. */
    static Public aesKey() {
        return new Public(AlgId.SYMCIPHER, SHA256, KEY.with(ObjectAttributes.of(ObjectAttributes.DECRYPT,
                ObjectAttributes.SIGN_ENCRYPT)), Digest.EMPTY,
                new SymCipherParms(new SymDefObject(AlgId.AES, new KeyBits(128), new SymModeAlg(AlgId.NULL))),
                Digest.EMPTY);
    }

    /**
     * A sealed data object: its data comes from the caller, so sensitiveDataOrigin is clear;
     * authorized by {@code authPolicy} alone when {@code userWithAuth} is false.
     */
    static Public sealed(Digest authPolicy, boolean userWithAuth) {
        ObjectAttributes attributes = ObjectAttributes.of(ObjectAttributes.FIXED_TPM, ObjectAttributes.FIXED_PARENT,
                ObjectAttributes.NO_DA);
        if (userWithAuth) {
            attributes = attributes.with(ObjectAttributes.USER_WITH_AUTH);
        }
        return new Public(AlgId.KEYEDHASH, SHA256, attributes, authPolicy, new KeyedHashParms(KeyedHashScheme.NULL),
                Digest.EMPTY);
    }
}
