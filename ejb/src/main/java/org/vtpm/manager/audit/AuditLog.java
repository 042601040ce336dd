package org.vtpm.manager.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.security.Roles;

/**
 * Records audit events: in the database within the caller's transaction, and on the audit queue,
 * whose listener records its own row once the transaction has committed. The queue is how other
 * systems (SIEM bridges) can follow what the manager does.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditLog {

    static final String ACTOR = "actor";
    static final String ACTION = "action";
    static final String TARGET = "target";
    static final String OUTCOME = "outcome";
    static final String CORRELATION_ID = "correlationId";
    static final String OCCURRED_AT = "occurredAt";

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/vtpm/Audit")
    private Queue auditQueue;

    public void record(String actor, String action, String target, AuditEvent.Outcome outcome,
                       String correlationId, String detail) {
        Instant now = Instant.now();
        em.persist(new AuditEvent(now, actor, action, target, outcome, AuditEvent.Source.REQUEST, correlationId,
                detail));
        MapMessage message = jms.createMapMessage();
        try {
            message.setString(ACTOR, actor);
            message.setString(ACTION, action);
            message.setString(TARGET, target);
            message.setString(OUTCOME, outcome.name());
            message.setString(CORRELATION_ID, correlationId);
            message.setLong(OCCURRED_AT, now.toEpochMilli());
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("cannot build audit message: " + e.getMessage());
        }
        jms.createProducer().send(auditQueue, message);
    }

    @RolesAllowed(Roles.SYSTEM)
    public void recordFromQueue(AuditEvent event) {
        em.persist(event);
    }

    /** The newest events first. */
    public List<AuditRecord> recent(int first, int max) {
        return em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.id DESC", AuditEvent.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList()
                .stream()
                .map(AuditRecord::of)
                .toList();
    }

    public List<AuditRecord> byCorrelationId(String correlationId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.correlationId = :id ORDER BY e.id",
                        AuditEvent.class)
                .setParameter("id", correlationId)
                .getResultList()
                .stream()
                .map(AuditRecord::of)
                .toList();
    }
}
