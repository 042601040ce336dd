package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Known answers from {@code openssl enc -aes-N-cfb -K key -iv iv -nopad} over a 36-byte message, so
 * the last block is partial as in most parameter encryption.
 */
class AesCfbTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] IV = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] MESSAGE = HEX.parseHex(
            "54504d20322e3020706172616d6574657220656e6372797074696f6e2c20333720627974");

    @ParameterizedTest
    @CsvSource({
        "2b7e151628aed2a6abf7158809cf4f3c, 04ae2aecab430296aa684588f6ca9805a2f8eb5d4f850eea8c9e41967df02aa7404e9d3f",
        "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b, f259feadc19f231dad9e5579d76c223ba2bbd3bd6602aa6a694ef5cd32faa54271482eb5",
        "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4, e3ef777dc617b9fde79188f686ab5b2f87d168f49dd7e66484389575db5713739887ae57",
    })
    void matchesOpenSsl(String key, String ciphertext) throws Exception {
        assertArrayEquals(HEX.parseHex(ciphertext), AesCfb.encrypt(HEX.parseHex(key), IV, MESSAGE));
        assertArrayEquals(MESSAGE, AesCfb.decrypt(HEX.parseHex(key), IV, HEX.parseHex(ciphertext)));
    }

    @Test
    void wrongKeyOrIvSizesAreSizeErrors() {
        CryptoException key = assertThrows(CryptoException.class, () -> AesCfb.encrypt(new byte[15], IV, MESSAGE));
        assertEquals(CryptoException.Reason.SIZE, key.reason());
        CryptoException iv = assertThrows(CryptoException.class,
                () -> AesCfb.decrypt(new byte[16], new byte[8], MESSAGE));
        assertEquals(CryptoException.Reason.SIZE, iv.reason());
    }

    @Property(tries = 200)
    void decryptInvertsEncrypt(@ForAll @Size(16) byte[] key, @ForAll @Size(16) byte[] iv,
            @ForAll @Size(max = 100) byte[] data) throws Exception {
        byte[] ciphertext = AesCfb.encrypt(key, iv, data);
        assertEquals(data.length, ciphertext.length);
        assertArrayEquals(data, AesCfb.decrypt(key, iv, ciphertext));
    }
}
