package org.vtpm.manager.audit;

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

/** One thing that happened: who did what to which target, when, and how it ended. */
@Entity
@Table(name = "audit_event", indexes = @Index(name = "audit_event_occurred", columnList = "occurred_at"))
public class AuditEvent {

    /** Where the record was written: in the request itself, or by the listener of the audit queue. */
    public enum Source { REQUEST, QUEUE }

    public enum Outcome { SUCCESS, FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(nullable = false, length = 128)
    private String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Source source;

    @Column(name = "correlation_id", length = 64)
    private String correlationId;

    @Column(length = 512)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String target, Outcome outcome,
                      Source source, String correlationId, String detail) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.target = target;
        this.outcome = outcome;
        this.source = source;
        this.correlationId = correlationId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public Source getSource() {
        return source;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getDetail() {
        return detail;
    }
}
