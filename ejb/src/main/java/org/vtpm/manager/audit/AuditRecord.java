package org.vtpm.manager.audit;

import java.time.Instant;

/** An audit event as the service hands it out, detached from persistence. */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String target,
                          String outcome, String source, String correlationId, String detail) {

    static AuditRecord of(AuditEvent event) {
        return new AuditRecord(event.getId(), event.getOccurredAt(), event.getActor(), event.getAction(),
                event.getTarget(), event.getOutcome().name(), event.getSource().name(), event.getCorrelationId(),
                event.getDetail());
    }
}
