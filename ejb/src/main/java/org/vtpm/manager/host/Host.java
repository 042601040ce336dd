package org.vtpm.manager.host;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * A machine that runs vTPMs, with the physical TPM that protects them: the connection factory
 * that reaches the pTPM, the manager KEK sealed by that pTPM (only it can unseal it), and the
 * public/private blobs of the key that receives vTPMs migrating to this host.
 */
@Entity
@Table(name = "vtpm_host")
public class Host {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 64)
    private String name;

    /** JNDI name of the connection factory of this host's physical TPM. */
    @Column(name = "physical_tpm", nullable = false, length = 128)
    private String physicalTpm;

    @Column(name = "sealed_kek", length = Columns.BINARY)
    private byte[] sealedKek;

    @Column(name = "transport_key", length = Columns.BINARY)
    private byte[] transportKey;

    @Column(nullable = false)
    private Instant created;

    @Version
    private long version;

    protected Host() {
    }

    public Host(String id, String name, String physicalTpm, Instant created) {
        this.id = id;
        this.name = name;
        this.physicalTpm = physicalTpm;
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getPhysicalTpm() {
        return physicalTpm;
    }

    public byte[] getSealedKek() {
        return sealedKek == null ? null : sealedKek.clone();
    }

    public void setSealedKek(byte[] sealedKek) {
        this.sealedKek = sealedKek.clone();
    }

    public byte[] getTransportKey() {
        return transportKey == null ? null : transportKey.clone();
    }

    public void setTransportKey(byte[] transportKey) {
        this.transportKey = transportKey.clone();
    }

    public Instant getCreated() {
        return created;
    }
}
