package org.vtpm.tpm.crypto;

import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Arrays;

/** HMAC over a TPM hash algorithm (RFC 2104), as TPM 2.0 uses it for sessions, names and KDFa. */
public final class Hmac {

    private Hmac() {
    }

    /** HMAC of the concatenation of {@code parts}; an empty key is allowed, as for unbound sessions. */
    public static byte[] compute(HashAlgorithm algorithm, byte[] key, byte[]... parts) {
        HMac mac = new HMac(algorithm.newDigest());
        mac.init(new KeyParameter(key));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    /** Compares {@code expected} with the HMAC of {@code parts} in time independent of where they differ. */
    public static boolean verify(HashAlgorithm algorithm, byte[] key, byte[] expected, byte[]... parts) {
        return Arrays.constantTimeAreEqual(compute(algorithm, key, parts), expected);
    }
}
