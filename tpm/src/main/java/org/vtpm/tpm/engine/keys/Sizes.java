package org.vtpm.tpm.engine.keys;

import java.math.BigInteger;

/** Fixed-length unsigned big-endian encodings, as TPM2B_ key fields carry integers. */
final class Sizes {

    private Sizes() {
    }

    static byte[] unsigned(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
