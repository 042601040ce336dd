package org.vtpm.manager.ca;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * The manager CA: its signing key as the public and wrapped private blobs of a key that only the
 * physical TPM of {@code hostId} can load, and its self-signed certificate.
 */
@Entity
@Table(name = "vtpm_manager_ca")
public class ManagerCaRecord {

    static final String ID = "manager";

    @Id
    @Column(length = 16)
    private String id;

    @Column(name = "host_id", nullable = false, length = 36)
    private String hostId;

    @Column(name = "ca_key", nullable = false, length = Columns.BINARY)
    private byte[] caKey;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected ManagerCaRecord() {
    }

    ManagerCaRecord(String hostId, byte[] caKey, Instant created) {
        this.id = ID;
        this.hostId = hostId;
        this.caKey = caKey.clone();
        this.created = created;
    }

    String getHostId() {
        return hostId;
    }

    byte[] getCaKey() {
        return caKey.clone();
    }
}
