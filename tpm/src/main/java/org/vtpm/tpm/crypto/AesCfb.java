package org.vtpm.tpm.crypto;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CFBBlockCipher;
import org.bouncycastle.crypto.modes.CFBModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * AES in full-block CFB mode (CFB-128), the TPM's mode for parameter encryption and for the
 * symmetric protection of storage keys. A trailing partial block is allowed: CFB is a stream mode,
 * so the output has the length of the input.
 */
public final class AesCfb {

    public static final int BLOCK_SIZE = 16;

    private AesCfb() {
    }

    public static byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) throws CryptoException {
        return process(true, key, iv, plaintext);
    }

    public static byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) throws CryptoException {
        return process(false, key, iv, ciphertext);
    }

    private static byte[] process(boolean encrypt, byte[] key, byte[] iv, byte[] input) throws CryptoException {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new CryptoException(CryptoException.Reason.SIZE, "AES key of " + key.length + " bytes");
        }
        if (iv.length != BLOCK_SIZE) {
            throw new CryptoException(CryptoException.Reason.SIZE, "CFB IV of " + iv.length + " bytes, not 16");
        }
        CFBModeCipher cipher = CFBBlockCipher.newInstance(AESEngine.newInstance(), 8 * BLOCK_SIZE);
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] output = new byte[input.length];
        cipher.processBytes(input, 0, input.length, output, 0);
        return output;
    }
}
