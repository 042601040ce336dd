package org.vtpm.manager.keys;

import java.util.Arrays;
import java.util.Objects;

import javax.security.auth.Destroyable;

import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The manager key-encryption key in memory, as {@link ManagerKek#unseal} returns it from the
 * physical TPM. It wraps each vTPM's {@link DataKey} with AES-256-GCM; the associated data binds
 * the vTPM id, so a wrapped key copied to another vTPM's row does not unwrap.
 *
 * <p>Safe for concurrent {@link #wrap} and {@link #unwrap}; {@link #destroy} it only once no
 * thread uses it any more.
 */
public final class Kek implements Destroyable {

    /** The wrapped-key format; the first byte of every wrapped key and of its associated data. */
    private static final int FORMAT = 1;
    private static final String PURPOSE = "vtpm-manager/wrapped-data-key";

    private final byte[] key;
    private volatile boolean destroyed;

    private Kek(byte[] key) {
        this.key = key;
    }

    /** Takes ownership of {@code key}: the caller must not keep or reuse the array. */
    static Kek adopt(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            Arrays.fill(key, (byte) 0);
            throw new IllegalArgumentException("a KEK has " + AesGcm.KEY_BYTES + " bytes");
        }
        return new Kek(key);
    }

    /** {@code key} encrypted for storage in the row of vTPM {@code vtpmId}. */
    public byte[] wrap(DataKey dataKey, String vtpmId) {
        Objects.requireNonNull(dataKey, "dataKey");
        return AesGcm.seal(material(), FORMAT, associatedData(vtpmId), dataKey.material());
    }

    /**
     * The data key {@link #wrap} wrapped for {@code vtpmId}.
     *
     * @throws StateIntegrityException when {@code wrapped} was made for another vTPM, by another
     *     KEK, or altered
     */
    public DataKey unwrap(byte[] wrapped, String vtpmId) throws StateIntegrityException {
        Objects.requireNonNull(wrapped, "wrapped");
        try {
            byte[] plain = AesGcm.open(material(), FORMAT, associatedData(vtpmId), wrapped);
            if (plain.length != AesGcm.KEY_BYTES) {
                Arrays.fill(plain, (byte) 0);
                throw new StateIntegrityException("the wrapped data key of vTPM " + vtpmId
                        + " authenticates but is not an AES-256 key");
            }
            return DataKey.adopt(plain);
        } catch (InvalidCipherTextException e) {
            throw new StateIntegrityException("the wrapped data key of vTPM " + vtpmId
                    + " does not authenticate: it belongs to another vTPM, was wrapped by another KEK, or was altered");
        }
    }

    private static byte[] associatedData(String vtpmId) {
        return AssociatedData.of(FORMAT, PURPOSE).text(StateCipher.requireId(vtpmId)).bytes();
    }

    private byte[] material() {
        if (destroyed) {
            throw new IllegalStateException("the KEK was destroyed");
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
        return destroyed ? "Kek[AES-256, destroyed]" : "Kek[AES-256]";
    }
}
