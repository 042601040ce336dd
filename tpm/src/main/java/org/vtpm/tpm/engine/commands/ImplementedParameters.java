package org.vtpm.tpm.engine.commands;

import java.util.List;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.PublicParms;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Whether this engine implements a set of algorithm parameters (TPM2_TestParms). The wire layer
 * accepts every algorithm the library can name; a TPM answers for what it implements, with the
 * code its own unmarshalling would give for an algorithm or size it lacks. Combinations that
 * depend on an object's attributes are left to object creation, as the reference implementation
 * does.
 */
final class ImplementedParameters {

    private static final List<Integer> RSA_KEY_BITS = List.of(2048, 3072);
    private static final List<Integer> AES_KEY_BITS = List.of(128, 256);
    private static final List<AlgId> RSA_SCHEMES = List.of(AlgId.RSASSA, AlgId.RSAPSS, AlgId.OAEP, AlgId.RSAES);
    private static final List<AlgId> ECC_SCHEMES = List.of(AlgId.ECDSA, AlgId.ECDH);

    private ImplementedParameters() {
    }

    /** @param p the parameter number to report */
    static void check(PublicParms parms, int p) throws CommandError {
        Object parameters = parms.parameters();
        if (parameters instanceof RsaParms rsa) {
            symmetric(rsa.symmetric(), true, p);
            scheme(rsa.scheme().scheme(), rsa.scheme().details(), RSA_SCHEMES, p);
            if (!RSA_KEY_BITS.contains(rsa.keyBits())) {
                throw CommandError.of(TpmRc.VALUE.withParameter(p));
            }
        } else if (parameters instanceof EccParms ecc) {
            symmetric(ecc.symmetric(), true, p);
            scheme(ecc.scheme().scheme(), ecc.scheme().details(), ECC_SCHEMES, p);
            if (Algorithms.CURVES.stream().noneMatch(c -> c.curveId() == ecc.curveID().value())) {
                throw CommandError.of(TpmRc.CURVE.withParameter(p));
            }
            if (!ecc.kdf().scheme().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.KDF.withParameter(p));
            }
        } else if (parameters instanceof KeyedHashParms keyedHash) {
            AlgId scheme = keyedHash.scheme().scheme();
            if (!scheme.equals(AlgId.NULL) && !scheme.equals(AlgId.HMAC)) {
                throw CommandError.of(TpmRc.VALUE.withParameter(p));
            }
            hash(keyedHash.scheme().details(), p);
        } else {
            symmetric(((SymCipherParms) parameters).sym(), false, p);
        }
    }

    private static void symmetric(SymDefObject symmetric, boolean nullAllowed, int p) throws CommandError {
        if (nullAllowed && symmetric.algorithm().equals(AlgId.NULL)) {
            return;
        }
        if (!symmetric.algorithm().equals(AlgId.AES)) {
            throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
        }
        if (!(symmetric.keyBits() instanceof KeyBits bits) || !AES_KEY_BITS.contains(bits.value())) {
            throw CommandError.of(TpmRc.VALUE.withParameter(p));
        }
    }

    private static void scheme(AlgId scheme, Object details, List<AlgId> implemented, int p) throws CommandError {
        if (!scheme.equals(AlgId.NULL) && !implemented.contains(scheme)) {
            throw CommandError.of(TpmRc.SCHEME.withParameter(p));
        }
        hash(details, p);
    }

    private static void hash(Object details, int p) throws CommandError {
        if (details instanceof SchemeHash hash && Algorithms.hash(hash.hashAlg()).isEmpty()) {
            throw CommandError.of(TpmRc.HASH.withParameter(p));
        }
    }
}
