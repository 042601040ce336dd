package org.vtpm.manager.vtpm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * A vTPM's permanent state at one point, encrypted with the vTPM's data key and bound to the
 * snapshot's own id, so it can only ever be restored into the vTPM it was taken from.
 * Snapshots never change, except re-encrypted when their vTPM moves to another host.
 */
@Entity
@Table(name = "vtpm_snapshot", indexes = @Index(name = "vtpm_snapshot_vtpm", columnList = "vtpm_id, created"))
public class Snapshot {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "vtpm_id", nullable = false, length = 36)
    private String vtpmId;

    @Column(length = 128)
    private String name;

    @Column(name = "state_version", nullable = false)
    private long stateVersion;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] ciphertext;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected Snapshot() {
    }

    Snapshot(String id, String vtpmId, String name, long stateVersion, byte[] ciphertext, Instant created) {
        this.id = id;
        this.vtpmId = vtpmId;
        this.name = name;
        this.stateVersion = stateVersion;
        this.ciphertext = ciphertext.clone();
        this.created = created;
    }

    /** What the snapshot's encryption is bound to besides its vTPM: its own id. */
    static String label(String snapshotId) {
        return "snapshot/" + snapshotId;
    }

    void reseal(byte[] ciphertext) {
        this.ciphertext = ciphertext.clone();
    }

    public String getId() {
        return id;
    }

    public String getVtpmId() {
        return vtpmId;
    }

    public String getName() {
        return name;
    }

    public long getStateVersion() {
        return stateVersion;
    }

    public byte[] getCiphertext() {
        return ciphertext.clone();
    }

    public Instant getCreated() {
        return created;
    }
}
