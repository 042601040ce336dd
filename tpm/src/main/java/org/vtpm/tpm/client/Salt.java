package org.vtpm.tpm.client;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.util.BigIntegers;
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
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The salt of a salted session (Part 1, 19.6.13 and Annex B/C): a secret of the tpmKey's
 * name-algorithm size that only the TPM can recover, RSA-OAEP encrypted with the label "SECRET",
 * or for an ECC key derived with KDFe from an ephemeral ECDH exchange whose public point is sent.
 */
final class Salt {

    private static final String LABEL = OaepLabel.SECRET.text();
    private static final BigInteger DEFAULT_EXPONENT = BigInteger.valueOf(65537);

    private final byte[] value;
    private final EncryptedSecret encrypted;

    private Salt(byte[] value, EncryptedSecret encrypted) {
        this.value = value;
        this.encrypted = encrypted;
    }

    /** The salt, mixed into the session key. */
    byte[] value() {
        return value.clone();
    }

    /** What TPM2_StartAuthSession carries as encryptedSalt. */
    EncryptedSecret encrypted() {
        return encrypted;
    }

    static Salt forKey(Public tpmKey, SecureRandom random) throws SessionException {
        HashAlgorithm nameAlg = HashAlgorithm.fromAlgId(tpmKey.nameAlg().value())
                .orElseThrow(() -> new SessionException(TpmRc.HASH, "tpmKey has no usable name algorithm"));
        try {
            if (tpmKey.type().equals(AlgId.RSA) && tpmKey.parameters() instanceof RsaParms parms
                    && tpmKey.unique() instanceof PublicKeyRsa modulus) {
                return rsa(parms, modulus, nameAlg, random);
            }
            if (tpmKey.type().equals(AlgId.ECC) && tpmKey.parameters() instanceof EccParms parms
                    && tpmKey.unique() instanceof EccPoint point) {
                return ecc(parms, point, nameAlg, random);
            }
        } catch (CryptoException | IllegalArgumentException e) {
            // Bouncy Castle refuses an implausible RSA modulus (even, or with small factors) unchecked.
            throw new SessionException(TpmRc.KEY, "cannot salt a session with this key: " + e.getMessage());
        }
        throw new SessionException(TpmRc.KEY, "a salt needs an RSA or ECC tpmKey, not " + tpmKey.type());
    }

    private static Salt rsa(RsaParms parms, PublicKeyRsa modulus, HashAlgorithm nameAlg, SecureRandom random)
            throws CryptoException {
        if (modulus.size() * 8 != parms.keyBits()) {
            throw new CryptoException(CryptoException.Reason.SIZE, "a modulus of " + modulus.size()
                    + " bytes for a " + parms.keyBits() + "-bit key");
        }
        BigInteger exponent = parms.exponent() == 0 ? DEFAULT_EXPONENT
                : BigInteger.valueOf(Integer.toUnsignedLong(parms.exponent()));
        RSAKeyParameters key = new RSAKeyParameters(false, new BigInteger(1, modulus.buffer()), exponent);
        byte[] salt = new byte[nameAlg.digestSize()];
        random.nextBytes(salt);
        return new Salt(salt, new EncryptedSecret(RsaOaep.encrypt(key, nameAlg, OaepLabel.SECRET, salt, random)));
    }

    private static Salt ecc(EccParms parms, EccPoint point, HashAlgorithm nameAlg, SecureRandom random)
            throws CryptoException {
        EccCurve curve = EccCurve.fromCurveId(parms.curveID().value())
                .orElseThrow(() -> new CryptoException(CryptoException.Reason.VALUE,
                        "unsupported curve " + parms.curveID()));
        Ecdh.validatePoint(curve, point.x().buffer(), point.y().buffer());
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve.domain(), random));
        AsymmetricCipherKeyPair ephemeral = generator.generateKeyPair();
        BigInteger d = ((ECPrivateKeyParameters) ephemeral.getPrivate()).getD();
        var q = ((ECPublicKeyParameters) ephemeral.getPublic()).getQ().normalize();
        int size = curve.coordinateSize();
        byte[] qx = BigIntegers.asUnsignedByteArray(size, q.getAffineXCoord().toBigInteger());
        byte[] qy = BigIntegers.asUnsignedByteArray(size, q.getAffineYCoord().toBigInteger());
        byte[] z = Ecdh.sharedSecret(curve, d, point.x().buffer(), point.y().buffer());
        byte[] salt = Kdfe.derive(nameAlg, z, LABEL, qx, point.x().buffer(), 8 * nameAlg.digestSize());
        Arrays.fill(z, (byte) 0);
        byte[] ephemeralPoint = Codecs.marshal(new EccPoint(new EccParameter(qx), new EccParameter(qy)));
        return new Salt(salt, new EncryptedSecret(ephemeralPoint));
    }
}
