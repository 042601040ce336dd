package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;
import java.util.function.IntFunction;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfe;
import org.vtpm.tpm.crypto.OaepLabel;
import org.vtpm.tpm.crypto.RsaOaep;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;

/**
 * A seed shared with the holder of an asymmetric key (Part 1, annex B.10 and C.6): for RSA the seed
 * itself, OAEP-encrypted with the key's name algorithm and a label; for ECC an ephemeral public
 * point, from which the holder derives the same seed with ECDH and KDFe. Credentials ("IDENTITY")
 * and duplication ("DUPLICATE") both protect their seed this way.
 */
public final class Secrets {

    /** A fresh seed and what carries it to the key's holder. */
    public record Exchange(byte[] seed, EncryptedSecret secret) {
    }

    private Secrets() {
    }

    /**
     * Makes a seed of the name algorithm's digest size for the key {@code publicArea}.
     *
     * @param random the TPM's random number generator
     * @throws CryptoException when the public key is unusable (its reason names the response code)
     */
    public static Exchange encrypt(Public publicArea, OaepLabel label, IntFunction<byte[]> random)
            throws CryptoException {
        HashAlgorithm nameAlg = HashAlgorithm.fromAlgId(publicArea.nameAlg().value())
                .orElseThrow(() -> new CryptoException(CryptoException.Reason.KEY, "no name algorithm"));
        AsymmetricKeyParameter key = KeyMaterial.publicKey(publicArea)
                .orElseThrow(() -> new CryptoException(CryptoException.Reason.KEY, "no usable public key"));
        if (key instanceof RSAKeyParameters rsa) {
            byte[] seed = random.apply(nameAlg.digestSize());
            return new Exchange(seed, new EncryptedSecret(RsaOaep.encrypt(rsa, nameAlg, label, seed,
                    RandomBytes.secureRandom(random))));
        }
        EccCurve curve = curve(publicArea);
        EccPoint staticPoint = (EccPoint) publicArea.unique();
        BigInteger n = curve.domain().getN();
        BigInteger d = new BigInteger(1, random.apply(curve.coordinateSize() + 8)).mod(n.subtract(BigInteger.ONE))
                .add(BigInteger.ONE);
        ECPoint q = curve.domain().getG().multiply(d).normalize();
        int size = curve.coordinateSize();
        byte[] qx = Sizes.unsigned(q.getAffineXCoord().toBigInteger(), size);
        byte[] qy = Sizes.unsigned(q.getAffineYCoord().toBigInteger(), size);
        byte[] z = Ecdh.sharedSecret(curve, d, staticPoint.x().buffer(), staticPoint.y().buffer());
        byte[] seed = Kdfe.derive(nameAlg, z, label.text(), qx, staticPoint.x().buffer(), nameAlg.digestSize() * 8);
        return new Exchange(seed, new EncryptedSecret(Codecs.marshal(new EccPoint(new EccParameter(qx),
                new EccParameter(qy)))));
    }

    /**
     * Recovers the seed {@link #encrypt} made for this key.
     *
     * @throws CryptoException SIZE for an RSA secret not as long as the modulus, VALUE when OAEP
     *     decoding fails, ECC_POINT for a point that is malformed or off the curve
     */
    public static byte[] decrypt(Public publicArea, AsymmetricKeyParameter privateKey, OaepLabel label,
            EncryptedSecret secret) throws CryptoException {
        HashAlgorithm nameAlg = HashAlgorithm.fromAlgId(publicArea.nameAlg().value())
                .orElseThrow(() -> new CryptoException(CryptoException.Reason.KEY, "no name algorithm"));
        if (privateKey instanceof RSAKeyParameters rsa) {
            byte[] seed = RsaOaep.decrypt(rsa, nameAlg, label, secret.buffer());
            if (seed.length > nameAlg.digestSize()) {
                throw new CryptoException(CryptoException.Reason.VALUE, "seed longer than a digest");
            }
            return seed;
        }
        EccPoint ephemeral;
        try {
            ephemeral = Codecs.unmarshal(EccPoint.class, secret.buffer());
        } catch (TpmFormatException e) {
            throw new CryptoException(CryptoException.Reason.ECC_POINT, "secret is no TPMS_ECC_POINT", e);
        }
        EccCurve curve = curve(publicArea);
        byte[] z = Ecdh.sharedSecret(curve, ((ECPrivateKeyParameters) privateKey).getD(), ephemeral.x().buffer(),
                ephemeral.y().buffer());
        byte[] staticX = ((EccPoint) publicArea.unique()).x().buffer();
        return Kdfe.derive(nameAlg, z, label.text(), ephemeral.x().buffer(), staticX, nameAlg.digestSize() * 8);
    }

    private static EccCurve curve(Public publicArea) throws CryptoException {
        if (!publicArea.type().equals(AlgId.ECC)) {
            throw new CryptoException(CryptoException.Reason.KEY, "not an RSA or ECC key");
        }
        return EccCurve.fromCurveId(((EccParms) publicArea.parameters()).curveID().value())
                .orElseThrow(() -> new CryptoException(CryptoException.Reason.KEY, "curve not implemented"));
    }
}
