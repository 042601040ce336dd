package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** RFC 4231 test case 2 (key "Jefe") and RFC 2202 test case 2 for SHA-1. */
class HmacTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = "Jefe".getBytes(StandardCharsets.US_ASCII);

    @Test
    void rfc4231TestCase2InTwoParts() {
        byte[] mac = Hmac.compute(HashAlgorithm.SHA256, KEY, "what do ya want ".getBytes(StandardCharsets.US_ASCII),
                "for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(HEX.parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"), mac);
    }

    @Test
    void rfc2202Sha1AndVerify() {
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = HEX.parseHex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertArrayEquals(expected, Hmac.compute(HashAlgorithm.SHA1, KEY, data));
        assertTrue(Hmac.verify(HashAlgorithm.SHA1, KEY, expected, data));
        expected[19] ^= 1;
        assertFalse(Hmac.verify(HashAlgorithm.SHA1, KEY, expected, data));
    }
}
