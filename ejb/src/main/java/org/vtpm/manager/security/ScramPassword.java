package org.vtpm.manager.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A password as Elytron's {@code scram-mapper} stores it for SCRAM-SHA-256: the salted password
 * Hi(password, salt, i) of RFC 5802, which is PBKDF2 with HMAC-SHA-256 and a digest-sized output.
 * Elytron verifies HTTP Basic logins against it.
 */
public record ScramPassword(String digestBase64, String saltBase64, int iterations) {

    /**
     * HTTP Basic verifies the password on every request, so the cost is paid per call: 10,000
     * iterations (RFC 7677 asks at least 4,096) keep a verification near 5 ms on one core.
     */
    static final int ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ScramPassword of(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new ScramPassword(Base64.getEncoder().encodeToString(hi(password, salt, ITERATIONS)),
                Base64.getEncoder().encodeToString(salt), ITERATIONS);
    }

    static boolean verify(String candidate, String digestBase64, String saltBase64, int iterations) {
        byte[] expected = Base64.getDecoder().decode(digestBase64);
        byte[] actual = hi(candidate, Base64.getDecoder().decode(saltBase64), iterations);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] hi(String password, byte[] salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password.getBytes(StandardCharsets.UTF_8), salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(DIGEST_BITS)).getKey();
    }

    @Override
    public String toString() {
        return "ScramPassword[iterations=" + iterations + "]";
    }
}
