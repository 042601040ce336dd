package org.vtpm.manager.attest;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/** What a host's physical TPM must show in deep attestation, as a {@link PolicyDocument}. */
@Entity
@Table(name = "host_policy")
public class HostPolicy {

    @Id
    @Column(name = "host_id", length = 36)
    private String hostId;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] rules;

    @Column(nullable = false)
    private Instant updated;

    @Version
    private long version;

    protected HostPolicy() {
    }

    HostPolicy(String hostId, byte[] rules, Instant now) {
        this.hostId = hostId;
        this.rules = rules.clone();
        this.updated = now;
    }

    void update(byte[] newRules, Instant now) {
        rules = newRules.clone();
        updated = now;
    }

    public String getHostId() {
        return hostId;
    }

    public byte[] getRules() {
        return rules.clone();
    }
}
