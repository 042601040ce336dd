package org.vtpm.manager.keys;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM through Bouncy Castle's lightweight API, as every blob of this package uses it: a
 * format byte, a fresh 96-bit nonce, then ciphertext and 128-bit tag. The format byte is also the
 * first byte of the associated data, so a blob cannot be read under another format's rules.
 */
final class AesGcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    /** Format byte, nonce and tag: what a blob carries besides its plaintext. */
    static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BYTES;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code format || nonce || AES-GCM(key, nonce, aad, plaintext)}; {@code aad} must start with {@code format}. */
    static byte[] seal(byte[] key, int format, byte[] aad, byte[] plaintext) {
        byte[] body = sealBody(key, aad, plaintext);
        byte[] out = new byte[1 + body.length];
        out[0] = (byte) format;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /**
     * The plaintext of a blob {@link #seal} made with the same key and associated data.
     *
     * @throws InvalidCipherTextException when the blob is too short, of another format, or does
     *     not authenticate
     */
    static byte[] open(byte[] key, int format, byte[] aad, byte[] sealed) throws InvalidCipherTextException {
        if (sealed.length < OVERHEAD || sealed[0] != (byte) format) {
            throw new InvalidCipherTextException("not a format " + format + " blob");
        }
        return openBody(key, aad, sealed, 1);
    }

    /** {@code nonce || AES-GCM(key, nonce, aad, plaintext)}, for blobs that carry their format elsewhere. */
    static byte[] sealBody(byte[] key, byte[] aad, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, key, nonce, aad);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail on a sized buffer", e);
        }
        return out;
    }

    /** The plaintext of what {@link #sealBody} made, read from {@code sealed} at {@code offset} to its end. */
    static byte[] openBody(byte[] key, byte[] aad, byte[] sealed, int offset) throws InvalidCipherTextException {
        if (sealed.length - offset < NONCE_BYTES + TAG_BYTES) {
            throw new InvalidCipherTextException("too short for a nonce and a tag");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES);
        GCMModeCipher gcm = cipher(false, key, nonce, aad);
        int inputLength = sealed.length - offset - NONCE_BYTES;
        byte[] out = new byte[gcm.getOutputSize(inputLength)];
        int written = gcm.processBytes(sealed, offset + NONCE_BYTES, inputLength, out, 0);
        try {
            gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw e;
        }
        return out;
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 8 * TAG_BYTES, nonce, aad));
        return gcm;
    }
}
