package org.vtpm.tpm.attest;

import java.math.BigInteger;
import java.util.Optional;

import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.math.ec.ECPoint;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.AsymSchemeUnion;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.SchemeHash;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.SignatureRsa;

/**
 * Verifies a TPMT_SIGNATURE over a message with a TPM key's public area: ECDSA on NIST P-256 and
 * P-384, RSASSA-PKCS1-v1_5 and RSASSA-PSS, through Bouncy Castle's lightweight API.
 */
final class SignatureVerifier {

    private static final int DEFAULT_RSA_EXPONENT = 65537;

    private SignatureVerifier() {
    }

    /** Nothing when the signature is valid; otherwise why not. */
    static Optional<String> check(Public key, byte[] message, Signature signature) {
        Optional<String> schemeProblem = schemeProblem(key, signature);
        if (schemeProblem.isPresent()) {
            return schemeProblem;
        }
        if (signature.signature() instanceof SignatureEcc ecc && key.parameters() instanceof EccParms parms
                && key.unique() instanceof EccPoint point && signature.sigAlg().equals(AlgId.ECDSA)) {
            Optional<HashAlgorithm> hash = HashAlgorithm.fromAlgId(ecc.hash().value());
            return hash.isEmpty() ? unsupportedHash(ecc.hash()) : verifyEcdsa(parms, point, hash.get(), message, ecc);
        }
        if (signature.signature() instanceof SignatureRsa rsa && key.parameters() instanceof RsaParms parms
                && key.unique() instanceof PublicKeyRsa modulus) {
            Optional<HashAlgorithm> hash = HashAlgorithm.fromAlgId(rsa.hash().value());
            if (hash.isEmpty()) {
                return unsupportedHash(rsa.hash());
            }
            try {
                return verifyRsa(signature.sigAlg(), parms, modulus, hash.get(), message, rsa);
            } catch (DataLengthException | IllegalArgumentException e) {
                // Bouncy Castle rejects a signature longer than the modulus, or a malformed modulus, by exception.
                return Optional.of("the RSA signature or key is malformed: " + e.getMessage());
            }
        }
        return Optional.of(signature.sigAlg() + " signatures by " + key.type() + " keys are not supported");
    }

    /**
     * A key with a scheme signs only with that scheme; accepting another would let a weaker hash
     * or padding than the key was made for pass.
     */
    private static Optional<String> schemeProblem(Public key, Signature signature) {
        AlgId scheme;
        AsymSchemeUnion details;
        if (key.parameters() instanceof EccParms parms) {
            scheme = parms.scheme().scheme();
            details = parms.scheme().details();
        } else if (key.parameters() instanceof RsaParms parms) {
            scheme = parms.scheme().scheme();
            details = parms.scheme().details();
        } else {
            return Optional.of(key.type() + " keys do not sign");
        }
        if (scheme.equals(AlgId.NULL)) {
            return Optional.empty();
        }
        AlgId signatureHash = signature.signature() instanceof SignatureEcc ecc ? ecc.hash()
                : signature.signature() instanceof SignatureRsa rsa ? rsa.hash() : AlgId.NULL;
        if (!scheme.equals(signature.sigAlg())
                || details instanceof SchemeHash hash && !hash.hashAlg().equals(signatureHash)) {
            return Optional.of("the signature is " + signature.sigAlg() + "/" + signatureHash + " but the key signs with "
                    + scheme + (details instanceof SchemeHash hash ? "/" + hash.hashAlg() : ""));
        }
        return Optional.empty();
    }

    private static Optional<String> verifyEcdsa(EccParms parms, EccPoint point, HashAlgorithm hash, byte[] message,
            SignatureEcc signature) {
        Optional<EccCurve> curve = EccCurve.fromCurveId(parms.curveID().value());
        if (curve.isEmpty()) {
            return Optional.of("curve " + parms.curveID() + " is not supported");
        }
        ECPublicKeyParameters publicKey;
        try {
            ECPoint q = curve.get().domain().getCurve().validatePoint(unsigned(point.x().buffer()),
                    unsigned(point.y().buffer()));
            publicKey = new ECPublicKeyParameters(q, curve.get().domain());
        } catch (IllegalArgumentException e) {
            return Optional.of("the key's point is not on " + curve.get().nistName());
        }
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, publicKey);
        boolean valid = signer.verifySignature(hash.hash(message), unsigned(signature.signatureR().buffer()),
                unsigned(signature.signatureS().buffer()));
        return valid ? Optional.empty() : Optional.of("the ECDSA signature does not verify");
    }

    private static Optional<String> verifyRsa(AlgId scheme, RsaParms parms, PublicKeyRsa modulus, HashAlgorithm hash,
            byte[] message, SignatureRsa signature) {
        int exponent = parms.exponent() == 0 ? DEFAULT_RSA_EXPONENT : parms.exponent();
        RSAKeyParameters publicKey = new RSAKeyParameters(false, unsigned(modulus.buffer()), BigInteger.valueOf(exponent));
        byte[] sig = signature.sig().buffer();
        if (scheme.equals(AlgId.RSASSA)) {
            RSADigestSigner signer = new RSADigestSigner(hash.newDigest());
            signer.init(false, publicKey);
            signer.update(message, 0, message.length);
            return signer.verifySignature(sig) ? Optional.empty() : Optional.of("the RSASSA signature does not verify");
        }
        if (scheme.equals(AlgId.RSAPSS)) {
            // TPMs differ in the PSS salt: the digest size (as FIPS 186-4 asks, and libtpms does) or
            // the largest the key allows (as older TPM 2.0 specifications said). Either is sound.
            int largestSalt = modulus.size() - hash.digestSize() - 2;
            for (int salt : new int[] {Math.min(hash.digestSize(), largestSalt), largestSalt}) {
                if (salt >= 0 && pssVerifies(publicKey, hash.newDigest(), salt, message, sig)) {
                    return Optional.empty();
                }
            }
            return Optional.of("the RSAPSS signature does not verify");
        }
        return Optional.of(scheme + " is not an RSA signature scheme");
    }

    private static boolean pssVerifies(RSAKeyParameters key, Digest digest, int salt, byte[] message, byte[] sig) {
        PSSSigner signer = new PSSSigner(new RSABlindedEngine(), digest, salt);
        signer.init(false, key);
        signer.update(message, 0, message.length);
        return signer.verifySignature(sig);
    }

    private static Optional<String> unsupportedHash(AlgId alg) {
        return Optional.of("hash " + alg + " is not supported");
    }

    private static BigInteger unsigned(byte[] bytes) {
        return new BigInteger(1, bytes);
    }
}
