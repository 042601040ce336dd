package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class XorObfuscationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] U = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    private static final byte[] V = HEX.parseHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3");

    /** The mask is OpenSSL's KBKDF output for label "XOR" and 40 bits: {@code 4D39C7A19C}. */
    @Test
    void xorsWithTheKdfaMaskLabelledXor() {
        byte[] data = HEX.parseHex("0011223344");
        assertArrayEquals(HEX.parseHex("4d28e592d8"), XorObfuscation.apply(HashAlgorithm.SHA256, KEY, U, V, data));
    }

    @Property(tries = 100)
    void applyingTwiceRestoresTheData(@ForAll @Size(max = 200) byte[] data) {
        byte[] hidden = XorObfuscation.apply(HashAlgorithm.SHA256, KEY, U, V, data);
        assertArrayEquals(data, XorObfuscation.apply(HashAlgorithm.SHA256, KEY, U, V, hidden));
    }
}
