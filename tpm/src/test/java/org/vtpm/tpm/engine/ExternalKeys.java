package org.vtpm.tpm.engine;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccParms;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.EccScheme;
import org.vtpm.tpm.types.KdfScheme;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PrivateKeyRsa;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.types.RsaParms;
import org.vtpm.tpm.types.RsaScheme;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SymCipherParms;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymKey;
import org.vtpm.tpm.types.SymModeAlg;

/**
 * Keys made outside any TPM, public and sensitive area both, so the very same key can be loaded
 * with TPM2_LoadExternal into the engine and into swtpm.
 */
final class ExternalKeys {

    static final Auth AUTH = new Auth("external".getBytes());
    static final ObjectAttributes DECRYPTING = ObjectAttributes.of(ObjectAttributes.USER_WITH_AUTH,
            ObjectAttributes.DECRYPT);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key pair as the two TPM areas. */
    record Pair(Public publicArea, Sensitive sensitive) {
    }

    private ExternalKeys() {
    }

    static Pair rsa(ObjectAttributes attributes, RsaScheme scheme) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 2048, 80));
        RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) generator.generateKeyPair().getPrivate();
        Public publicArea = new Public(AlgId.RSA, AlgId.SHA256, attributes, Digest.EMPTY,
                new RsaParms(SymDefObject.NULL, scheme, 2048, 0),
                new PublicKeyRsa(BigIntegers.asUnsignedByteArray(256, key.getModulus())));
        return new Pair(publicArea, new Sensitive(AlgId.RSA, AUTH, Digest.EMPTY,
                new PrivateKeyRsa(BigIntegers.asUnsignedByteArray(128, key.getP()))));
    }

    static Pair ecc(ObjectAttributes attributes, EccScheme scheme) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(org.vtpm.tpm.crypto.EccCurve.NIST_P256.domain(), RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPoint q = ((ECPublicKeyParameters) pair.getPublic()).getQ().normalize();
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        Public publicArea = new Public(AlgId.ECC, AlgId.SHA256, attributes, Digest.EMPTY,
                new EccParms(SymDefObject.NULL, scheme, new EccCurve(0x0003), KdfScheme.NULL),
                new EccPoint(new EccParameter(BigIntegers.asUnsignedByteArray(32, q.getAffineXCoord().toBigInteger())),
                        new EccParameter(BigIntegers.asUnsignedByteArray(32, q.getAffineYCoord().toBigInteger()))));
        return new Pair(publicArea, new Sensitive(AlgId.ECC, AUTH, Digest.EMPTY,
                new EccParameter(BigIntegers.asUnsignedByteArray(32, d))));
    }

    /** An AES key usable both ways, in {@code mode} (TPM_ALG_NULL: the caller's choice). */
    static Pair aes(int bits, AlgId mode) {
        byte[] key = new byte[bits / 8];
        byte[] seed = new byte[32];
        RANDOM.nextBytes(key);
        RANDOM.nextBytes(seed);
        Public publicArea = new Public(AlgId.SYMCIPHER, AlgId.SHA256, ObjectAttributes.of(ObjectAttributes.DECRYPT,
                ObjectAttributes.SIGN_ENCRYPT, ObjectAttributes.USER_WITH_AUTH, ObjectAttributes.NO_DA), Digest.EMPTY,
                new SymCipherParms(new SymDefObject(AlgId.AES, new KeyBits(bits), new SymModeAlg(mode))),
                new Digest(HashAlgorithm.SHA256.hash(seed, key)));
        return new Pair(publicArea, new Sensitive(AlgId.SYMCIPHER, AUTH, new Digest(seed), new SymKey(key)));
    }
}
