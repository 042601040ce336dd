package org.vtpm.manager.keys;

import java.util.Arrays;

import javax.security.auth.Destroyable;

/**
 * One vTPM's AES-256 data key, which encrypts its state ({@link StateCipher}). It is stored only
 * wrapped by the manager KEK ({@link Kek#wrap}); destroying the wrapped copy and this object is
 * how a deleted vTPM's state becomes unreadable (crypto-shredding). Safe for concurrent use;
 * {@link #destroy} it only once no thread uses it any more.
 */
public final class DataKey implements Destroyable {

    private final byte[] key;
    private volatile boolean destroyed;

    private DataKey(byte[] key) {
        this.key = key;
    }

    /** A fresh random key. */
    public static DataKey generate() {
        return new DataKey(AesGcm.randomKey());
    }

    /** Takes ownership of {@code key}: the caller must not keep or reuse the array. */
    static DataKey adopt(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("a data key has " + AesGcm.KEY_BYTES + " bytes");
        }
        return new DataKey(key);
    }

    /** The key itself, for this package's ciphers only. */
    byte[] material() {
        if (destroyed) {
            throw new IllegalStateException("the data key was destroyed");
        }
        return key;
    }

    /** Overwrites the key in memory; every later use fails. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return destroyed ? "DataKey[AES-256, destroyed]" : "DataKey[AES-256]";
    }
}
