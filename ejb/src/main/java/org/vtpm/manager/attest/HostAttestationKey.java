package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.vtpm.manager.Columns;

/**
 * A host's attestation key for deep attestation: a restricted signing primary of its physical
 * TPM's endorsement hierarchy (re-derived from its template whenever needed, so nothing persists
 * in the pTPM), its public area as certified, and the certificate the manager CA issued for it.
 */
@Entity
@Table(name = "host_attestation_key")
public class HostAttestationKey {

    @Id
    @Column(name = "host_id", length = 36)
    private String hostId;

    @Column(name = "public_area", nullable = false, length = Columns.BINARY)
    private byte[] publicArea;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] certificate;

    @Column(nullable = false)
    private Instant created;

    protected HostAttestationKey() {
    }

    HostAttestationKey(String hostId, byte[] publicArea, byte[] certificate, Instant created) {
        this.hostId = hostId;
        this.publicArea = publicArea.clone();
        this.certificate = certificate.clone();
        this.created = created;
    }

    public String getHostId() {
        return hostId;
    }

    public byte[] getPublicArea() {
        return publicArea.clone();
    }

    public byte[] getCertificate() {
        return certificate.clone();
    }
}
