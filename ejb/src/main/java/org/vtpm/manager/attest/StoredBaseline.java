package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * The baseline a TPM showed at its first passing attestation under a baseline policy, as
 * {@link BaselineDocument} encodes it. Keyed by the attester: a vTPM's id, or a host's prefixed
 * with {@code host:}, so the two never collide.
 */
@Entity
@Table(name = "attestation_baseline")
public class StoredBaseline {

    @Id
    @Column(length = 48)
    private String subject;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] baseline;

    @Column(name = "learned_from", nullable = false, length = 36)
    private String learnedFrom;

    @Column(nullable = false)
    private Instant learned;

    @Version
    private long version;

    protected StoredBaseline() {
    }

    StoredBaseline(String subject, byte[] baseline, String learnedFrom, Instant learned) {
        this.subject = subject;
        this.baseline = baseline.clone();
        this.learnedFrom = learnedFrom;
        this.learned = learned;
    }

    public String getSubject() {
        return subject;
    }

    public byte[] getBaseline() {
        return baseline.clone();
    }

    public String getLearnedFrom() {
        return learnedFrom;
    }
}
