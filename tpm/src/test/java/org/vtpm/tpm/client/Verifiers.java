package org.vtpm.tpm.client;

import java.math.BigInteger;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.math.ec.ECPoint;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.SignatureRsa;

/** Checks TPM signatures with Bouncy Castle alone, independently of the TPM that made them. */
final class Verifiers {

    private static final BigInteger EXPONENT = BigInteger.valueOf(65537);

    private Verifiers() {
    }

    static RSAKeyParameters rsaKey(Public key) {
        return new RSAKeyParameters(false, new BigInteger(1, ((PublicKeyRsa) key.unique()).buffer()), EXPONENT);
    }

    /** RSASSA-PKCS1-v1_5 with SHA-256 over {@code message}. */
    static boolean rsassaSha256(Public key, byte[] message, Signature signature) {
        RSADigestSigner verifier = new RSADigestSigner(new SHA256Digest());
        verifier.init(false, rsaKey(key));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(((SignatureRsa) signature.signature()).sig().buffer());
    }

    /** ECDSA on P-256 over {@code digest}. */
    static boolean ecdsaP256(Public key, byte[] digest, Signature signature) {
        EccPoint point = (EccPoint) key.unique();
        EccCurve curve = EccCurve.NIST_P256;
        ECPoint q = curve.domain().getCurve().createPoint(new BigInteger(1, point.x().buffer()),
                new BigInteger(1, point.y().buffer()));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, curve.domain()));
        SignatureEcc ecc = (SignatureEcc) signature.signature();
        return verifier.verifySignature(digest, new BigInteger(1, ecc.signatureR().buffer()),
                new BigInteger(1, ecc.signatureS().buffer()));
    }
}
