package org.vtpm.tpm.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.generators.KDFCounterBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KDFCounterParameters;

/**
 * KDFa, the TPM's key derivation function (TPM 2.0 Part 1, 11.4.10.2): SP 800-108 counter mode with
 * HMAC, each block being {@code HMAC(key, [i]32 || label || 00 || contextU || contextV || [bits]32)}.
 *
 * <p>When {@code bits} is not a multiple of 8 the unused high-order bits of the first byte are
 * cleared, as the TPM does.
 */
public final class Kdfa {

    /** Far beyond any TPM use (the largest TPM2B holds 64 KiB), small enough to never exhaust memory. */
    public static final int MAX_BITS = 8 * 65536;

    private Kdfa() {
    }

    /**
     * @param label the use, e.g. "ATH", "CFB", "XOR", "STORAGE", "INTEGRITY", without its terminating
     *              zero, which is added here
     */
    public static byte[] derive(HashAlgorithm algorithm, byte[] key, String label, byte[] contextU, byte[] contextV,
            int bits) {
        checkBits(bits);
        byte[] labelBytes = labelWithZero(label);
        byte[] fixedInput = ByteBuffer.allocate(labelBytes.length + contextU.length + contextV.length + 4)
                .put(labelBytes).put(contextU).put(contextV).putInt(bits).array();
        KDFCounterBytesGenerator generator = new KDFCounterBytesGenerator(new HMac(algorithm.newDigest()));
        // The counter comes first: empty prefix, fixed input after it, 32-bit counter.
        generator.init(new KDFCounterParameters(key, new byte[0], fixedInput, 32));
        byte[] out = new byte[(bits + 7) / 8];
        generator.generateBytes(out, 0, out.length);
        clearUnusedBits(out, bits);
        return out;
    }

    static byte[] labelWithZero(String label) {
        if (label.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("label must not contain a zero byte: " + label);
        }
        byte[] ascii = label.getBytes(StandardCharsets.US_ASCII);
        byte[] withZero = new byte[ascii.length + 1];
        System.arraycopy(ascii, 0, withZero, 0, ascii.length);
        return withZero;
    }

    static void checkBits(int bits) {
        if (bits <= 0 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ": " + bits);
        }
    }

    static void clearUnusedBits(byte[] out, int bits) {
        int used = bits % 8;
        if (used != 0) {
            out[0] &= (byte) ((1 << used) - 1);
        }
    }
}
