package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An issued challenge. In the database, so that evidence for a nonce one cluster node issued can
 * be verified on any other, and so that a nonce is used once across the cluster: redeeming is a
 * conditional update that only one transaction can win.
 */
@Entity
@Table(name = "attestation_challenge", indexes = @Index(name = "attestation_challenge_expiry",
        columnList = "expires"))
public class ChallengeRecord {

    /** The nonce in lowercase hex. */
    @Id
    @Column(length = 64)
    private String nonce;

    @Column(nullable = false, length = 48)
    private String subject;

    @Column(nullable = false)
    private Instant issued;

    @Column(nullable = false)
    private Instant expires;

    @Column(nullable = false)
    private boolean used;

    @Version
    private long version;

    protected ChallengeRecord() {
    }

    ChallengeRecord(String nonce, String subject, Instant issued, Instant expires) {
        this.nonce = nonce;
        this.subject = subject;
        this.issued = issued;
        this.expires = expires;
    }

    public String getNonce() {
        return nonce;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getExpires() {
        return expires;
    }

    public boolean isUsed() {
        return used;
    }
}
