package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.KeyedHashParms;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.wire.TpmRc;

/**
 * Which scheme a signing command uses (the reference implementation's CryptSelectSignScheme): the
 * key's own scheme when it has one, and then the caller may only repeat it; otherwise the one the
 * caller names, which must suit the key's type.
 */
final class SigningSchemes {

    /** A resolved scheme: the signature algorithm and its hash. */
    record Scheme(AlgId algorithm, HashAlgorithm hash) {
    }

    private SigningSchemes() {
    }

    /** @param p the parameter number of the caller's scheme */
    static Scheme resolve(LoadedKey key, SigScheme requested, int p) throws CommandError {
        Public publicArea = key.publicValue();
        AlgId own;
        Object ownDetails;
        if (publicArea.parameters() instanceof RsaParms rsa) {
            own = rsa.scheme().scheme();
            ownDetails = rsa.scheme().details();
        } else if (publicArea.parameters() instanceof EccParms ecc) {
            own = ecc.scheme().scheme();
            ownDetails = ecc.scheme().details();
        } else if (publicArea.parameters() instanceof KeyedHashParms keyedHash) {
            own = keyedHash.scheme().scheme();
            ownDetails = keyedHash.scheme().details();
        } else {
            throw CommandError.of(TpmRc.KEY.withHandle(1));
        }
        if (!own.equals(AlgId.NULL)) {
            Scheme scheme = new Scheme(own, hash(ownDetails, p));
            if (!requested.scheme().equals(AlgId.NULL) && (!requested.scheme().equals(own)
                    || hash(requested.details(), p) != scheme.hash())) {
                throw CommandError.of(TpmRc.SCHEME.withParameter(p));
            }
            return scheme;
        }
        AlgId algorithm = requested.scheme();
        boolean fits = publicArea.type().equals(AlgId.RSA)
                ? algorithm.equals(AlgId.RSASSA) || algorithm.equals(AlgId.RSAPSS)
                : publicArea.type().equals(AlgId.ECC) ? algorithm.equals(AlgId.ECDSA) : algorithm.equals(AlgId.HMAC);
        if (!fits) {
            throw CommandError.of(TpmRc.SCHEME.withParameter(p));
        }
        return new Scheme(algorithm, hash(requested.details(), p));
    }

    /** TPM2_HMAC: the key's hash, or the one named when the key has none (or names the same). */
    static Scheme resolveHmac(LoadedKey key, AlgId requested, int p) throws CommandError {
        KeyedHashParms parms = (KeyedHashParms) key.publicValue().parameters();
        if (parms.scheme().scheme().equals(AlgId.HMAC)) {
            HashAlgorithm own = hash(parms.scheme().details(), p);
            if (!requested.equals(AlgId.NULL) && requested.value() != own.algId()) {
                throw CommandError.of(TpmRc.VALUE.withParameter(p));
            }
            return new Scheme(AlgId.HMAC, own);
        }
        return new Scheme(AlgId.HMAC, Algorithms.hash(requested)
                .orElseThrow(() -> CommandError.of(TpmRc.VALUE.withParameter(p))));
    }

    private static HashAlgorithm hash(Object details, int p) throws CommandError {
        if (details instanceof SchemeHash hash) {
            return Algorithms.hash(hash.hashAlg()).orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(p)));
        }
        throw CommandError.of(TpmRc.SCHEME.withParameter(p));
    }
}
