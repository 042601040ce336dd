package org.vtpm.tpm.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.EccCurve;
import org.vtpm.tpm.crypto.Ecdh;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Kdfe;
import org.vtpm.tpm.crypto.OaepLabel;
import org.vtpm.tpm.crypto.RsaOaep;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.PublicKeyRsa;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmRc;

/** The salt of a salted session, for keys the test holds the private half of, and for malformed keys. */
class SaltTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theTpmRecoversAnEccSaltFromTheEphemeralPointAlone() throws Exception {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(EccCurve.NIST_P256.domain(), RANDOM));
        AsymmetricCipherKeyPair tpmKey = generator.generateKeyPair();
        ECPoint q = ((ECPublicKeyParameters) tpmKey.getPublic()).getQ().normalize();
        byte[] qx = BigIntegers.asUnsignedByteArray(32, q.getAffineXCoord().toBigInteger());
        byte[] qy = BigIntegers.asUnsignedByteArray(32, q.getAffineYCoord().toBigInteger());
        Public template = Templates.eccStorage();
        Public keyPublic = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), new EccPoint(new EccParameter(qx), new EccParameter(qy)));

        Salt salt = Salt.forKey(keyPublic, RANDOM);
        EccPoint ephemeral = Codecs.unmarshal(EccPoint.class, salt.encrypted().buffer());
        BigInteger d = ((ECPrivateKeyParameters) tpmKey.getPrivate()).getD();
        byte[] z = Ecdh.sharedSecret(EccCurve.NIST_P256, d, ephemeral.x().buffer(), ephemeral.y().buffer());
        assertArrayEquals(Kdfe.derive(HashAlgorithm.SHA256, z, "SECRET", ephemeral.x().buffer(), qx, 256),
                salt.value());
    }

    @Test
    void anRsaSaltIsOaepEncryptedWithTheSecretLabel() throws Exception {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), RANDOM, 2048, 80));
        AsymmetricCipherKeyPair tpmKey = generator.generateKeyPair();
        byte[] modulus = BigIntegers.asUnsignedByteArray(256, ((RSAKeyParameters) tpmKey.getPublic()).getModulus());
        Public template = Templates.rsaStorage();
        Public keyPublic = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), new PublicKeyRsa(modulus));

        Salt salt = Salt.forKey(keyPublic, RANDOM);
        assertEquals(32, salt.value().length);
        assertArrayEquals(salt.value(), RsaOaep.decrypt((RSAKeyParameters) tpmKey.getPrivate(), HashAlgorithm.SHA256,
                OaepLabel.SECRET, salt.encrypted().buffer()));
    }

    @Test
    void anRsaKeyWhoseModulusDoesNotMatchItsSizeIsATypedError() {
        Public template = Templates.rsaStorage();
        Public even = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), new PublicKeyRsa(new byte[256]));
        Public shortModulus = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), new PublicKeyRsa(new byte[] {1, 2, 3}));
        assertEquals(TpmRc.KEY, assertThrows(SessionException.class, () -> Salt.forKey(even, RANDOM)).rc());
        assertEquals(TpmRc.KEY, assertThrows(SessionException.class, () -> Salt.forKey(shortModulus, RANDOM)).rc());
    }

    @Test
    void anEccPointOffTheCurveIsATypedError() {
        Public template = Templates.eccStorage();
        EccParameter one = new EccParameter(new byte[] {1});
        Public offCurve = new Public(template.type(), template.nameAlg(), template.objectAttributes(),
                template.authPolicy(), template.parameters(), new EccPoint(one, one));
        assertEquals(TpmRc.KEY, assertThrows(SessionException.class, () -> Salt.forKey(offCurve, RANDOM)).rc());
    }
}
