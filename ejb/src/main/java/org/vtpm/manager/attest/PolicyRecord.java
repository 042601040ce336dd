package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * A tenant's attestation policy: its rules as the JSON document {@link PolicyDocument} reads
 * (reference PCRs, allowed and required event digests, baseline PCRs), and an optional schedule
 * on which the vTPMs assigned to it are attested.
 */
@Entity
@Table(name = "attestation_policy", uniqueConstraints = @UniqueConstraint(name = "attestation_policy_name",
        columnNames = {"tenant", "name"}))
public class PolicyRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 128)
    private String tenant;

    @Column(nullable = false, length = 128)
    private String name;

    /** The rules, UTF-8 JSON: bytes, not a LOB, as {@link Columns} explains. */
    @Column(nullable = false, length = Columns.BINARY)
    private byte[] rules;

    /** Seconds between scheduled attestations; none when the policy has no schedule. */
    @Column(name = "schedule_seconds")
    private Long scheduleSeconds;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected PolicyRecord() {
    }

    PolicyRecord(String id, String tenant, String name, byte[] rules, Long scheduleSeconds, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.name = name;
        this.rules = rules.clone();
        this.scheduleSeconds = scheduleSeconds;
        this.updated = now;
    }

    void update(String newName, byte[] newRules, Long newScheduleSeconds, Instant now) {
        name = newName;
        rules = newRules.clone();
        scheduleSeconds = newScheduleSeconds;
        updated = now;
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getName() {
        return name;
    }

    public byte[] getRules() {
        return rules.clone();
    }

    public Long getScheduleSeconds() {
        return scheduleSeconds;
    }

    public Instant getUpdated() {
        return updated;
    }
}
