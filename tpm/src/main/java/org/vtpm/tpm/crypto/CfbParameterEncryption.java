package org.vtpm.tpm.crypto;

import java.util.Arrays;

/**
 * AES-CFB parameter encryption of a session (TPM 2.0 Part 1, 21.3): key and IV come from
 * {@code KDFa(hashAlg, sessionValue, "CFB", nonceNewer, nonceOlder, keyBits + 128)}, key first, and
 * encrypt the first parameter's contents in CFB mode.
 */
public final class CfbParameterEncryption {

    public static final String LABEL = "CFB";

    private CfbParameterEncryption() {
    }

    /**
     * @param sessionValue the session key concatenated with the authValue of the bound entity
     * @param keyBits      the session's AES key size: 128, 192 or 256
     * @param nonceNewer   the nonce of the side that encrypts (the caller's for a command, the TPM's for
     *                     a response)
     * @param nonceOlder   the nonce of the other side
     */
    public static byte[] encrypt(HashAlgorithm algorithm, byte[] sessionValue, int keyBits, byte[] nonceNewer,
            byte[] nonceOlder, byte[] parameter) throws CryptoException {
        byte[] keyAndIv = keyAndIv(algorithm, sessionValue, keyBits, nonceNewer, nonceOlder);
        return AesCfb.encrypt(key(keyAndIv, keyBits), iv(keyAndIv, keyBits), parameter);
    }

    /** The inverse of {@link #encrypt}, with the same arguments as the encrypting side used. */
    public static byte[] decrypt(HashAlgorithm algorithm, byte[] sessionValue, int keyBits, byte[] nonceNewer,
            byte[] nonceOlder, byte[] parameter) throws CryptoException {
        byte[] keyAndIv = keyAndIv(algorithm, sessionValue, keyBits, nonceNewer, nonceOlder);
        return AesCfb.decrypt(key(keyAndIv, keyBits), iv(keyAndIv, keyBits), parameter);
    }

    private static byte[] keyAndIv(HashAlgorithm algorithm, byte[] sessionValue, int keyBits, byte[] nonceNewer,
            byte[] nonceOlder) throws CryptoException {
        if (keyBits != 128 && keyBits != 192 && keyBits != 256) {
            throw new CryptoException(CryptoException.Reason.SIZE, "AES key of " + keyBits + " bits");
        }
        return Kdfa.derive(algorithm, sessionValue, LABEL, nonceNewer, nonceOlder, keyBits + 8 * AesCfb.BLOCK_SIZE);
    }

    private static byte[] key(byte[] keyAndIv, int keyBits) {
        return Arrays.copyOfRange(keyAndIv, 0, keyBits / 8);
    }

    private static byte[] iv(byte[] keyAndIv, int keyBits) {
        return Arrays.copyOfRange(keyAndIv, keyBits / 8, keyAndIv.length);
    }
}
