package org.vtpm.manager.attest;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.security.Roles;

/**
 * Consumes the attestation-jobs queue: reads the {@link JobMessage}, records the job, and hands it
 * to the {@link JobRunner}, returning at once so that a long job never holds the queue. A message
 * that is not a job is logged with the reason and refused; after the queue's bounded redeliveries
 * it ends on the dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup",
                propertyValue = "java:/jms/queue/vtpm/AttestationJobs"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll
@RunAs(Roles.SYSTEM)
public class AttestationJobListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AttestationJobListener.class.getName());

    @EJB
    private JobStore jobs;

    @EJB
    private JobRunner runner;

    @Override
    public void onMessage(Message message) {
        JobMessage job;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidRequestException("the queue takes text messages of JSON, not "
                        + message.getClass().getSimpleName());
            }
            job = JobMessage.parse(text.getText());
        } catch (InvalidRequestException | JMSException e) {
            LOG.warning("refused attestation job message " + describe(message) + ": " + e.getMessage());
            throw new IllegalArgumentException("not an attestation job: " + e.getMessage(), e);
        }
        Optional<String> accepted = jobs.accept(job);
        if (accepted.isEmpty()) {
            LOG.info("attestation job " + job.jobId().orElseThrow() + " ran already; redelivery "
                    + describe(message) + " ignored");
            return;
        }
        runner.start(accepted.get(), job);
    }

    private static String describe(Message message) {
        try {
            return message.getJMSMessageID() + " (delivery " + message.getIntProperty("JMSXDeliveryCount") + ")";
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
