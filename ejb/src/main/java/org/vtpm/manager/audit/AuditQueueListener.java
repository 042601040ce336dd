package org.vtpm.manager.audit;

import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.vtpm.manager.security.Roles;

/**
 * Consumes the audit queue and records each event as seen from the queue. A message that is not
 * an audit event is refused; after the queue's bounded redeliveries it ends on the dead-letter
 * queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/vtpm/Audit"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll
@RunAs(Roles.SYSTEM)
public class AuditQueueListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AuditQueueListener.class.getName());

    @EJB
    private AuditLog auditLog;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof MapMessage map)) {
            throw new IllegalArgumentException("audit queue accepts map messages only, got " + message.getClass().getName());
        }
        try {
            String actor = required(map, AuditLog.ACTOR);
            auditLog.recordFromQueue(new AuditEvent(
                    Instant.ofEpochMilli(map.getLong(AuditLog.OCCURRED_AT)),
                    actor,
                    required(map, AuditLog.ACTION),
                    required(map, AuditLog.TARGET),
                    AuditEvent.Outcome.valueOf(required(map, AuditLog.OUTCOME)),
                    AuditEvent.Source.QUEUE,
                    map.getString(AuditLog.CORRELATION_ID),
                    "delivered by JMS message " + map.getJMSMessageID()));
        } catch (JMSException e) {
            LOG.warning("unreadable audit message " + describe(message) + ": " + e.getMessage());
            throw new IllegalArgumentException("unreadable audit message", e);
        }
    }

    private static String required(MapMessage map, String name) throws JMSException {
        String value = map.getString(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("audit message without " + name);
        }
        return value;
    }

    private static String describe(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
