package org.vtpm.tpm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * Known answers made with OpenSSL alone: key and IV from {@code openssl kdf ... hexsalt:"CFB"
 * hexinfo:nonceNewer||nonceOlder KBKDF}, then {@code openssl enc -aes-N-cfb -nopad} with them.
 */
class CfbParameterEncryptionTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SESSION_VALUE = HEX.parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] NONCE_NEWER = HEX.parseHex("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf");
    private static final byte[] NONCE_OLDER = HEX.parseHex("b0b1b2b3b4b5b6b7b8b9babbbcbdbebf");

    @Test
    void aes128MatchesOpenSsl() throws Exception {
        byte[] parameter = "parameter".getBytes(StandardCharsets.US_ASCII);
        byte[] encrypted = CfbParameterEncryption.encrypt(HashAlgorithm.SHA256, SESSION_VALUE, 128, NONCE_NEWER,
                NONCE_OLDER, parameter);
        assertArrayEquals(HEX.parseHex("1dc1814f28e20e45bf"), encrypted);
        assertArrayEquals(parameter, CfbParameterEncryption.decrypt(HashAlgorithm.SHA256, SESSION_VALUE, 128,
                NONCE_NEWER, NONCE_OLDER, encrypted));
    }

    @Test
    void aes256MatchesOpenSsl() throws Exception {
        byte[] parameter = "x".repeat(40).getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(HEX.parseHex("9d53c0d8358ff268ec044ec49c0e8fcc4d221d368fd74d59c49f839c9c948d4c7ac60ddeeb3db92f"),
                CfbParameterEncryption.encrypt(HashAlgorithm.SHA256, SESSION_VALUE, 256, NONCE_NEWER, NONCE_OLDER,
                        parameter));
    }

    @Test
    void anUnsupportedKeySizeIsASizeError() {
        CryptoException e = assertThrows(CryptoException.class, () -> CfbParameterEncryption.encrypt(
                HashAlgorithm.SHA256, SESSION_VALUE, 64, NONCE_NEWER, NONCE_OLDER, new byte[4]));
        assertEquals(CryptoException.Reason.SIZE, e.reason());
    }
}
