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
import jakarta.persistence.Version;

import org.vtpm.manager.Columns;

/**
 * An attestation job: the selection it was given (as its {@link JobMessage} JSON), how many vTPMs
 * it selected, and how many of them are done, passed and failed. The counters are raised by
 * single UPDATE statements ({@link JobStore#progress}), so concurrent attestations of one job
 * never lose a count to each other.
 */
@Entity
@Table(name = "attestation_job", indexes = @Index(name = "attestation_job_tenant", columnList = "tenant, created"))
public class AttestationJob {

    public enum Status { QUEUED, RUNNING, COMPLETED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 128)
    private String tenant;

    @Column(nullable = false, length = Columns.BINARY)
    private byte[] selection;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int passed;

    @Column(nullable = false)
    private int failed;

    /** Of the failed, those that ended without a verdict: the vTPM stopped, or its TPM did not quote. */
    @Column(nullable = false)
    private int errors;

    @Column(nullable = false)
    private Instant created;

    private Instant started;

    private Instant finished;

    @Version
    private long version;

    protected AttestationJob() {
    }

    AttestationJob(String id, String tenant, String selection, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.selection = selection.getBytes(StandardCharsets.UTF_8);
        this.status = Status.QUEUED;
        this.created = now;
    }

    void start(int selected, Instant now) {
        status = selected == 0 ? Status.COMPLETED : Status.RUNNING;
        total = selected;
        started = now;
        if (selected == 0) {
            finished = now;
        }
    }

    public String getId() {
        return id;
    }

    public String getTenant() {
        return tenant;
    }

    public String getSelection() {
        return new String(selection, StandardCharsets.UTF_8);
    }

    public Status getStatus() {
        return status;
    }

    public int getTotal() {
        return total;
    }

    public int getDone() {
        return done;
    }

    public int getPassed() {
        return passed;
    }

    public int getFailed() {
        return failed;
    }

    public int getErrors() {
        return errors;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getStarted() {
        return started;
    }

    public Instant getFinished() {
        return finished;
    }
}
