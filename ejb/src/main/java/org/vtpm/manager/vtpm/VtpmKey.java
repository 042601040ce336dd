package org.vtpm.manager.vtpm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * A vTPM's data key, wrapped by its host's KEK, and the state versions the manager last wrote.
 * The versions live here and not beside the ciphertext, so a state row replaced by an older copy
 * of itself no longer matches the version its decryption is bound to. Deleting this row
 * destroys the only copy of the data key: the vTPM's stored states become unreadable.
 */
@Entity
@Table(name = "vtpm_key")
public class VtpmKey {

    @Id
    @Column(name = "vtpm_id", length = 36)
    private String vtpmId;

    @Column(name = "wrapped_key", nullable = false, length = Columns.BINARY)
    private byte[] wrappedKey;

    @Column(name = "permanent_version", nullable = false)
    private long permanentVersion;

    @Column(name = "volatile_version", nullable = false)
    private long volatileVersion;

    @Version
    private long version;

    protected VtpmKey() {
    }

    public VtpmKey(String vtpmId, byte[] wrappedKey) {
        this.vtpmId = vtpmId;
        this.wrappedKey = wrappedKey.clone();
    }

    public String getVtpmId() {
        return vtpmId;
    }

    public byte[] getWrappedKey() {
        return wrappedKey.clone();
    }

    void rewrap(byte[] wrapped) {
        wrappedKey = wrapped.clone();
    }

    long version(EncryptedState.Part part) {
        return part == EncryptedState.Part.PERMANENT ? permanentVersion : volatileVersion;
    }

    /** The next version of a part, recorded as current. */
    long advance(EncryptedState.Part part) {
        return part == EncryptedState.Part.PERMANENT ? ++permanentVersion : ++volatileVersion;
    }
}
