package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ciphertexts made by OpenSSL ({@code openssl pkeyutl -encrypt -pkeyopt rsa_padding_mode:oaep
 * -pkeyopt rsa_oaep_md:D -pkeyopt rsa_mgf1_md:D -pkeyopt rsa_oaep_label:<label>00}) for the test key
 * in the resources, decrypted here; and our own encryption round-tripped.
 */
class RsaOaepTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SEED = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET_SHA256 = "2ecca6fb610ff111dc9f391391711e4a5c69ae7f1d656eff321b404fff44e6598cd9d8"
            + "9e50fffd87ac19b36be38c2035cd795d236b28b7585d7951fcd4625fe45422c1e4a8680a30cda885b87c02e66b44664e1c346208e0a8"
            + "1fe863339c708f47551d33385a6e11d334d74fda24a122c3796264f0ab38d2c9cac8f49e80bedd097f0ec7aeb9f0655ecb1b9413a0d7"
            + "232ce190b720980e7a7bef5975e62f593190eab4d4496dfe03b5aadc625c895997e2c086b34596e2209503323fcaf16900a962271"
            + "10c2224786296cf945626c6d78f193240ca8d4721c07f388105dfbfcbd6731214765ce35925df59b733bab77e04215afdfae380f82a"
            + "328be1010d2941";
    private static final String IDENTITY_SHA1 = "12dbc00a9b80fafdf1527e5ae490a0ed23f53f5a4a485813f45a1e25223b593bd6c691"
            + "7425121f0cb2e1b8733188d2ceb3c671fe17e9c6eb37e15be2204400cb707212d888de9fccacc43445aef068615e06948467167aa"
            + "9931259bae233b630703958304c86b593f96df7077399d6675a4b4537a461abeaf903dbaf6425047639258c271e16058d7d54e9b7"
            + "6c7427f577fd5bfc5cf57e53cfea87b027606ead0e1e53df3502d369e1525539b1e597c4c612100a95bd34e28e97a0377ffb43c6b"
            + "2ab34d503551347046cc1ec9dc0fecfef4b8a200fb69bd75ca08bd2da42ab4b7ff6742ae31242f7edbfb29152ce322150d63e6ae7"
            + "62c05db06e8fd8fbff68ac";

    private static RSAKeyParameters privateKey;
    private static RSAKeyParameters publicKey;

    @BeforeAll
    static void loadKey() throws Exception {
        try (InputStream in = RsaOaepTest.class.getResourceAsStream("rsa2048-test-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            RSAPrivateCrtKeyParameters key = (RSAPrivateCrtKeyParameters) PrivateKeyFactory.createKey(
                    Base64.getDecoder().decode(body));
            privateKey = key;
            publicKey = new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent());
        }
    }

    @Test
    void decryptsOpenSslCiphertextsWithTpmLabels() throws Exception {
        assertArrayEquals(SEED, RsaOaep.decrypt(privateKey, HashAlgorithm.SHA256, OaepLabel.SECRET,
                HEX.parseHex(SECRET_SHA256)));
        assertArrayEquals(SEED, RsaOaep.decrypt(privateKey, HashAlgorithm.SHA1, OaepLabel.IDENTITY,
                HEX.parseHex(IDENTITY_SHA1)));
    }

    @Test
    void theLabelIsPartOfTheEncryption() {
        CryptoException e = assertThrows(CryptoException.class, () -> RsaOaep.decrypt(privateKey,
                HashAlgorithm.SHA256, OaepLabel.DUPLICATE, HEX.parseHex(SECRET_SHA256)));
        assertEquals(CryptoException.Reason.VALUE, e.reason());
    }

    @Test
    void labelsCarryTheirTerminatingZero() {
        assertArrayEquals("SECRET\0".getBytes(StandardCharsets.US_ASCII), OaepLabel.SECRET.bytes());
        assertArrayEquals("DUPLICATE\0".getBytes(StandardCharsets.US_ASCII), OaepLabel.DUPLICATE.bytes());
        assertArrayEquals("IDENTITY\0".getBytes(StandardCharsets.US_ASCII), OaepLabel.IDENTITY.bytes());
    }

    @Test
    void roundTripsAndRejectsMalformedCiphertexts() throws Exception {
        SecureRandom random = new SecureRandom();
        byte[] ciphertext = RsaOaep.encrypt(publicKey, HashAlgorithm.SHA256, OaepLabel.DUPLICATE, SEED, random);
        assertEquals(256, ciphertext.length);
        assertArrayEquals(SEED, RsaOaep.decrypt(privateKey, HashAlgorithm.SHA256, OaepLabel.DUPLICATE, ciphertext));

        CryptoException shortCiphertext = assertThrows(CryptoException.class, () -> RsaOaep.decrypt(privateKey,
                HashAlgorithm.SHA256, OaepLabel.DUPLICATE, new byte[255]));
        assertEquals(CryptoException.Reason.SIZE, shortCiphertext.reason());

        byte[] aboveModulus = new byte[256];
        Arrays.fill(aboveModulus, (byte) 0xFF);
        CryptoException tooLarge = assertThrows(CryptoException.class, () -> RsaOaep.decrypt(privateKey,
                HashAlgorithm.SHA256, OaepLabel.DUPLICATE, aboveModulus));
        assertEquals(CryptoException.Reason.VALUE, tooLarge.reason());

        CryptoException tooLong = assertThrows(CryptoException.class, () -> RsaOaep.encrypt(publicKey,
                HashAlgorithm.SHA256, OaepLabel.SECRET, new byte[256 - 2 * 32 - 1], random));
        assertEquals(CryptoException.Reason.VALUE, tooLong.reason());
    }
}
