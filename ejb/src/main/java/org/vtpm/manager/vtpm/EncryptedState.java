package org.vtpm.manager.vtpm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * One part of a vTPM's state, AES-256-GCM encrypted with its data key; the associated data binds
 * the vTPM id, the part and the version recorded in {@link VtpmKey}.
 */
@Entity
@Table(name = "vtpm_state")
public class EncryptedState {

    /** Permanent state (seeds, NV, persistent objects) and the volatile state of a suspended vTPM. */
    public enum Part { PERMANENT, VOLATILE }

    @Id
    @Column(length = 48)
    private String id;

    @Column(name = "vtpm_id", nullable = false, length = 36)
    private String vtpmId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Part part;

    @Column(name = "state_version", nullable = false)
    private long stateVersion;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] ciphertext;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected EncryptedState() {
    }

    EncryptedState(String vtpmId, Part part) {
        this.id = idOf(vtpmId, part);
        this.vtpmId = vtpmId;
        this.part = part;
    }

    static String idOf(String vtpmId, Part part) {
        return vtpmId + "/" + part.name().charAt(0);
    }

    void store(long stateVersion, byte[] ciphertext, Instant now) {
        this.stateVersion = stateVersion;
        this.ciphertext = ciphertext.clone();
        this.updated = now;
    }

    public byte[] getCiphertext() {
        return ciphertext.clone();
    }

    public long getStateVersion() {
        return stateVersion;
    }
}
