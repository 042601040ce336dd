package org.vtpm.manager.keys;

import java.util.Objects;

import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Encrypts the parts of a vTPM's state (its permanent state, its volatile state, a snapshot ...)
 * with the vTPM's {@link DataKey}: AES-256-GCM, a fresh 96-bit nonce per encryption, and
 * associated data binding the format, the vTPM id, the part and the state version. A blob read
 * back under any other id, part or version fails, which is what makes rollback (an older row put
 * back) and swapping (another vTPM's row) detectable.
 *
 * <p>The blob is {@code format(1) || nonce(12) || ciphertext || tag(16)}.
 */
public final class StateCipher {

    private static final int FORMAT = 1;
    private static final String PURPOSE = "vtpm-manager/state";

    private StateCipher() {
    }

    /**
     * @param part    which part of the state this is, e.g. "permanent"
     * @param version the state version this blob is stored under; never negative
     */
    public static byte[] encrypt(DataKey key, String vtpmId, String part, long version, byte[] plaintext) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
        return AesGcm.seal(key.material(), FORMAT, associatedData(vtpmId, part, version), plaintext);
    }

    /**
     * The plaintext of a blob {@link #encrypt} made for exactly this vTPM, part and version.
     *
     * @throws StateIntegrityException when the blob is stale, belongs to another vTPM or part, or
     *     was altered
     */
    public static byte[] decrypt(DataKey key, String vtpmId, String part, long version, byte[] sealed)
            throws StateIntegrityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sealed, "sealed");
        try {
            return AesGcm.open(key.material(), FORMAT, associatedData(vtpmId, part, version), sealed);
        } catch (InvalidCipherTextException e) {
            throw new StateIntegrityException("the " + part + " state of vTPM " + vtpmId + " at version " + version
                    + " does not authenticate: it is stale, belongs to another vTPM or part, or was altered");
        }
    }

    private static byte[] associatedData(String vtpmId, String part, long version) {
        Objects.requireNonNull(part, "part");
        if (version < 0) {
            throw new IllegalArgumentException("a state version is never negative, was " + version);
        }
        return AssociatedData.of(FORMAT, PURPOSE).text(requireId(vtpmId)).text(part).u64(version).bytes();
    }

    static String requireId(String vtpmId) {
        Objects.requireNonNull(vtpmId, "vtpmId");
        if (vtpmId.isEmpty()) {
            throw new IllegalArgumentException("a vTPM id is never empty");
        }
        return vtpmId;
    }
}
