package org.vtpm.manager.vtpm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.vtpm.rar.api.VtpmStateListener;

/**
 * One state version a running vTPM reported: which part, its generation, its size and SHA-256.
 * Never the state itself: that is key material, stored only encrypted.
 */
@Entity
@Table(name = "vtpm_state_version", indexes = @Index(name = "vtpm_state_version_vtpm", columnList = "vtpm_id, part, generation"))
public class VtpmStateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "vtpm_id", nullable = false, length = 64)
    private String vtpmId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VtpmStateListener.Part part;

    @Column(nullable = false)
    private long generation;

    @Column(name = "size_bytes", nullable = false)
    private int size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected VtpmStateVersion() {
    }

    public VtpmStateVersion(String vtpmId, VtpmStateListener.Part part, long generation, int size, String sha256,
                            Instant receivedAt) {
        this.vtpmId = vtpmId;
        this.part = part;
        this.generation = generation;
        this.size = size;
        this.sha256 = sha256;
        this.receivedAt = receivedAt;
    }

    public String getVtpmId() {
        return vtpmId;
    }

    public VtpmStateListener.Part getPart() {
        return part;
    }

    public long getGeneration() {
        return generation;
    }

    public int getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
