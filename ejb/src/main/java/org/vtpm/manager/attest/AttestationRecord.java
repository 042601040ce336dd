package org.vtpm.manager.attest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.vtpm.manager.Columns;
import org.vtpm.tpm.attest.Verdict;

/**
 * One attestation's result as issued: verdict, every reason (JSON), and the signed result
 * document (a compact JWS) exactly as returned. Never changes once written.
 */
@Entity
@Table(name = "attestation_result", indexes = {
        @Index(name = "attestation_result_vtpm", columnList = "vtpm_id, created"),
        @Index(name = "attestation_result_job", columnList = "job_id")})
public class AttestationRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "vtpm_id", nullable = false, length = 36)
    private String vtpmId;

    @Column(nullable = false, length = 128)
    private String tenant;

    @Column(name = "host_name", nullable = false, length = 64)
    private String hostName;

    @Column(nullable = false)
    private boolean deep;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Verdict.Outcome verdict;

    /** The reasons as a UTF-8 JSON array. */
    @Column(nullable = false, length = Columns.BINARY)
    private byte[] reasons;

    /** The compact JWS, ASCII. */
    @Column(name = "signed_result", nullable = false, length = Columns.BINARY)
    private byte[] signedResult;

    @Column(name = "job_id", length = 36)
    private String jobId;

    @Column(nullable = false)
    private Instant created;

    protected AttestationRecord() {
    }

    AttestationRecord(String id, String vtpmId, String tenant, String hostName, boolean deep, Verdict.Outcome verdict,
            String reasons, String signedResult, String jobId, Instant created) {
        this.id = id;
        this.vtpmId = vtpmId;
        this.tenant = tenant;
        this.hostName = hostName;
        this.deep = deep;
        this.verdict = verdict;
        this.reasons = reasons.getBytes(StandardCharsets.UTF_8);
        this.signedResult = signedResult.getBytes(StandardCharsets.US_ASCII);
        this.jobId = jobId;
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public String getVtpmId() {
        return vtpmId;
    }

    public String getTenant() {
        return tenant;
    }

    public String getHostName() {
        return hostName;
    }

    public boolean isDeep() {
        return deep;
    }

    public Verdict.Outcome getVerdict() {
        return verdict;
    }

    public String getReasons() {
        return new String(reasons, StandardCharsets.UTF_8);
    }

    public String getSignedResult() {
        return new String(signedResult, StandardCharsets.US_ASCII);
    }

    public String getJobId() {
        return jobId;
    }

    public Instant getCreated() {
        return created;
    }
}
