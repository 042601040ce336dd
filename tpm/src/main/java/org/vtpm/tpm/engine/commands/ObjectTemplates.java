package org.vtpm.tpm.engine.commands;

import java.math.BigInteger;

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
                    AlgId.RSASSA, AlgId.RSAPSS, p);
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
                    AlgId.ECDSA, AlgId.ECDSA, p);
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
            if (!hasData && !attributes.has(ObjectAttributes.SENSITIVE_DATA_ORIGIN)) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
            }
        } else {
            SymCipherParms parms = (SymCipherParms) template.parameters();
            if (sign || !decrypt) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(p));
            }
            checkSymmetric(parms.sym(), true, p);
        }
        return nameAlg;
    }

    /** Storage keys need AES-128 or -256 in CFB mode; any other key must have no symmetric algorithm. */
    private static void checkSymmetric(SymDefObject symmetric, boolean storage, int p) throws CommandError {
        if (!storage) {
            if (!symmetric.algorithm().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
            }
            return;
        }
        if (!symmetric.algorithm().equals(AlgId.AES) || !(symmetric.keyBits() instanceof KeyBits bits)
                || bits.value() != 128 && bits.value() != 256) {
            throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
        }
        if (!(symmetric.mode() instanceof SymModeAlg mode) || !mode.mode().equals(AlgId.CFB)) {
            throw CommandError.of(TpmRc.MODE.withParameter(p));
        }
    }

    /**
     * A signing key may name a signing scheme or none; a decrypting key, none (the schemes for
     * decryption are not implemented); a restricted signing key must name one.
     */
    private static void checkAsymmetricScheme(AlgId scheme, Object details, boolean sign, boolean decrypt,
            boolean restricted, AlgId signing1, AlgId signing2, int p) throws CommandError {
        if (scheme.equals(AlgId.NULL)) {
            if (restricted && sign) {
                throw CommandError.of(TpmRc.SCHEME.withParameter(p));
            }
            return;
        }
        boolean signing = scheme.equals(signing1) || scheme.equals(signing2);
        if (!signing || !sign || decrypt) {
            throw CommandError.of(TpmRc.SCHEME.withParameter(p));
        }
        schemeHash(details, p);
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
