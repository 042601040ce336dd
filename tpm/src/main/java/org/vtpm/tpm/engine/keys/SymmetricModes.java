package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CFBBlockCipher;
import org.bouncycastle.crypto.modes.OFBBlockCipher;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.vtpm.tpm.types.AlgId;

/**
 * AES in the block modes of TPM2_EncryptDecrypt (Part 3, 15.2): CFB, CBC, CTR, OFB and ECB, with
 * the chaining value a caller continues from ({@code ivOut}) computed as the reference
 * implementation leaves it: the last ciphertext block for CBC, the last cipher-feedback register
 * for CFB (a partial block's ciphertext followed by the rest of its keystream block), the next
 * counter for CTR, the last keystream block for OFB.
 */
public final class SymmetricModes {

    public static final int BLOCK_SIZE = 16;

    /** The output data and the IV to continue from. */
    public record Result(byte[] data, byte[] ivOut) {
    }

    private SymmetricModes() {
    }

    /**
     * @param key 16 or 32 bytes
     * @param iv one block (empty for ECB)
     * @param data a whole number of blocks for CBC and ECB
     */
    public static Result crypt(AlgId mode, boolean decrypt, byte[] key, byte[] iv, byte[] data) {
        KeyParameter keyParameter = new KeyParameter(key);
        if (mode.equals(AlgId.ECB)) {
            BlockCipher aes = AESEngine.newInstance();
            aes.init(!decrypt, keyParameter);
            return new Result(blocks(aes, data), new byte[0]);
        }
        if (mode.equals(AlgId.CBC)) {
            BlockCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
            cbc.init(!decrypt, new ParametersWithIV(keyParameter, iv));
            byte[] out = blocks(cbc, data);
            byte[] lastCipher = decrypt ? data : out;
            return new Result(out, data.length == 0 ? iv.clone()
                    : Arrays.copyOfRange(lastCipher, lastCipher.length - BLOCK_SIZE, lastCipher.length));
        }
        StreamCipher stream;
        if (mode.equals(AlgId.CFB)) {
            stream = CFBBlockCipher.newInstance(AESEngine.newInstance(), 8 * BLOCK_SIZE);
            stream.init(!decrypt, new ParametersWithIV(keyParameter, iv));
        } else if (mode.equals(AlgId.OFB)) {
            stream = new OFBBlockCipher(AESEngine.newInstance(), 8 * BLOCK_SIZE);
            stream.init(true, new ParametersWithIV(keyParameter, iv));
        } else {
            stream = SICBlockCipher.newInstance(AESEngine.newInstance());
            stream.init(true, new ParametersWithIV(keyParameter, iv));
        }
        byte[] out = new byte[data.length];
        stream.processBytes(data, 0, data.length, out, 0);
        return new Result(out, ivOut(mode, decrypt, keyParameter, iv, data, out));
    }

    private static byte[] blocks(BlockCipher cipher, byte[] data) {
        byte[] out = new byte[data.length];
        for (int at = 0; at < data.length; at += BLOCK_SIZE) {
            cipher.processBlock(data, at, out, at);
        }
        return out;
    }

    private static byte[] ivOut(AlgId mode, boolean decrypt, KeyParameter key, byte[] iv, byte[] in, byte[] out) {
        int blocks = (in.length + BLOCK_SIZE - 1) / BLOCK_SIZE;
        if (mode.equals(AlgId.CTR)) {
            BigInteger next = new BigInteger(1, iv).add(BigInteger.valueOf(blocks));
            return Sizes.unsigned(next, BLOCK_SIZE);
        }
        if (blocks == 0) {
            return iv.clone();
        }
        int lastStart = (blocks - 1) * BLOCK_SIZE;
        byte[] cipherText = decrypt ? in : out;
        byte[] previous = lastStart == 0 ? iv : mode.equals(AlgId.CFB)
                ? Arrays.copyOfRange(cipherText, lastStart - BLOCK_SIZE, lastStart)
                : null;
        if (mode.equals(AlgId.OFB)) {
            byte[] keystream = iv.clone();
            BlockCipher aes = AESEngine.newInstance();
            aes.init(true, key);
            for (int b = 0; b < blocks; b++) {
                aes.processBlock(keystream, 0, keystream, 0);
            }
            return keystream;
        }
        byte[] register = new byte[BLOCK_SIZE];
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, key);
        aes.processBlock(previous, 0, register, 0);
        System.arraycopy(cipherText, lastStart, register, 0, in.length - lastStart);
        return register;
    }
}
