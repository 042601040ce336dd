package org.vtpm.tpm.engine.commands;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.Primes;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymModeAlg;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The checks a public area must pass before an object is made from it (the reference
 * implementation's PublicAttributesValidation): attributes that contradict each other, schemes that
 * do not fit the key's use, and algorithms and sizes this engine does not implement.
 */
final class ObjectTemplates {

    private ObjectTemplates() {
    }

    /**
     * @param p the parameter number of the public area, for the response code
     * @param hasData whether the caller supplied sensitive data
     * @return the template's name algorithm
     */
    static HashAlgorithm validate(Public template, int p, boolean hasData) throws CommandError {
        return validate(template, p, hasData, false);
    }

    /**
     * The checks of a public area whose sensitive area already exists (TPM2_Load, TPM2_Import):
     * the same as at creation but those about where the sensitive data came from.
     */
    static HashAlgorithm validateExisting(Public template, int p) throws CommandError {
        return validate(template, p, false, true);
    }

    private static HashAlgorithm validate(Public template, int p, boolean hasData, boolean existing)
            throws CommandError {
        HashAlgorithm nameAlg = Algorithms.hash(template.nameAlg())
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(p)));
        int policySize = template.authPolicy().size();
        if (policySize != 0 && policySize != nameAlg.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(p));
        }
        ObjectAttributes attributes = template.objectAttributes();
        boolean restricted = attributes.has(ObjectAttributes.RESTRICTED);
        boolean sign = attributes.has(ObjectAttributes.SIGN_ENCRYPT);
        boolean decrypt = attributes.has(ObjectAttributes.DECRYPT);
        boolean fixedTpm = attributes.has(ObjectAttributes.FIXED_TPM);
        if (fixedTpm != attributes.has(ObjectAttributes.FIXED_PARENT)
                || restricted && sign == decrypt
                || hasData && attributes.has(ObjectAttributes.SENSITIVE_DATA_ORIGIN)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
        }
        AlgId type = template.type();
        if (type.equals(AlgId.RSA)) {
            RsaParms parms = (RsaParms) template.parameters();
            if (parms.keyBits() != 2048 && parms.keyBits() != 3072) {
                throw CommandError.of(TpmRc.KEY_SIZE.withParameter(p));
            }
            long e = parms.exponent() & 0xFFFF_FFFFL;
            if (e != 0 && (e < 3 || !Primes.isMRProbablePrime(BigInteger.valueOf(e), Algorithms.MR_BASES, 20))) {
                throw CommandError.of(TpmRc.VALUE.withParameter(p));
            }
            checkSymmetric(parms.symmetric(), restricted && decrypt, p);
            checkAsymmetricScheme(parms.scheme().scheme(), parms.scheme().details(), sign, decrypt, restricted,
                    List.of(AlgId.RSASSA, AlgId.RSAPSS), List.of(AlgId.OAEP, AlgId.RSAES), p);
            requireNoData(hasData, p);
        } else if (type.equals(AlgId.ECC)) {
            EccParms parms = (EccParms) template.parameters();
            if (EccCurve.fromCurveId(parms.curveID().value()).isEmpty()) {
                throw CommandError.of(TpmRc.CURVE.withParameter(p));
            }
            if (!parms.kdf().scheme().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.KDF.withParameter(p));
            }
            checkSymmetric(parms.symmetric(), restricted && decrypt, p);
            checkAsymmetricScheme(parms.scheme().scheme(), parms.scheme().details(), sign, decrypt, restricted,
                    List.of(AlgId.ECDSA), List.of(AlgId.ECDH), p);
            requireNoData(hasData, p);
        } else if (type.equals(AlgId.KEYEDHASH)) {
            KeyedHashParms parms = (KeyedHashParms) template.parameters();
            AlgId scheme = parms.scheme().scheme();
            if (scheme.equals(AlgId.HMAC)) {
                if (!sign || decrypt) {
                    throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
                }
                schemeHash(parms.scheme().details(), p);
            } else if (!scheme.equals(AlgId.NULL) || sign || decrypt) {
                throw CommandError.of((scheme.equals(AlgId.NULL) ? TpmRc.ATTRIBUTES : TpmRc.SCHEME).withParameter(p));
            }
            if (!existing && !hasData && !attributes.has(ObjectAttributes.SENSITIVE_DATA_ORIGIN)) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
            }
        } else {
            SymCipherParms parms = (SymCipherParms) template.parameters();
            if (restricted ? sign || !decrypt : !sign && !decrypt) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
            }
            checkSymmetric(parms.sym(), restricted, true, p);
        }
        return nameAlg;
    }

    /**
     * Storage keys need AES-128 or -256 in CFB mode, the keys of symmetric ciphers AES-128 or -256 in
     * any mode (or none, leaving it to each TPM2_EncryptDecrypt); any other key must have no
     * symmetric algorithm.
     */
    private static void checkSymmetric(SymDefObject symmetric, boolean storage, int p) throws CommandError {
        checkSymmetric(symmetric, storage, false, p);
    }

    private static void checkSymmetric(SymDefObject symmetric, boolean storage, boolean cipher, int p)
            throws CommandError {
        if (!storage && !cipher) {
            if (!symmetric.algorithm().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
            }
            return;
        }
        if (!symmetric.algorithm().equals(AlgId.AES) || !(symmetric.keyBits() instanceof KeyBits bits)
                || bits.value() != 128 && bits.value() != 256) {
            throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
        }
        if (storage && (!(symmetric.mode() instanceof SymModeAlg mode) || !mode.mode().equals(AlgId.CFB))) {
            throw CommandError.of(TpmRc.MODE.withParameter(p));
        }
    }

    /**
     * A key may name a scheme for its one use: a signing scheme when it only signs, a decryption
     * scheme (OAEP or RSAES, ECDH) when it only decrypts and is not a storage key; or none, which a
     * restricted signing key may not.
     */
    private static void checkAsymmetricScheme(AlgId scheme, Object details, boolean sign, boolean decrypt,
            boolean restricted, List<AlgId> signing, List<AlgId> decrypting, int p) throws CommandError {
        if (scheme.equals(AlgId.NULL)) {
            if (restricted && sign) {
                throw CommandError.of(TpmRc.SCHEME.withParameter(p));
            }
            return;
        }
        boolean forSigning = signing.contains(scheme) && sign && !decrypt;
        boolean forDecryption = decrypting.contains(scheme) && decrypt && !sign && !restricted;
        if (!forSigning && !forDecryption) {
            throw CommandError.of(TpmRc.SCHEME.withParameter(p));
        }
        if (!scheme.equals(AlgId.RSAES)) {
            schemeHash(details, p);
        }
    }

    private static HashAlgorithm schemeHash(Object details, int p) throws CommandError {
        if (details instanceof SchemeHash hash) {
            return Algorithms.hash(hash.hashAlg()).orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(p)));
        }
        throw CommandError.of(TpmRc.SCHEME.withParameter(p));
    }

    private static void requireNoData(boolean hasData, int p) throws CommandError {
        if (hasData) {
            throw CommandError.of(TpmRc.SIZE.withParameter(p - 1));
        }
    }
}
