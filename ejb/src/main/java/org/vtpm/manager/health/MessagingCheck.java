package org.vtpm.manager.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The broker is up when a session can be opened and the attestation-jobs queue browsed. */
@Readiness
@ApplicationScoped
public class MessagingCheck implements HealthCheck {

    @Resource(lookup = "java:/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/vtpm/AttestationJobs")
    private Queue jobs;

    @Override
    public HealthCheckResponse call() {
        try (JMSContext context = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = context.createBrowser(jobs)) {
            browser.getEnumeration();
            return HealthCheckResponse.named("messaging").up().withData("queue", jobs.getQueueName()).build();
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            return HealthCheckResponse.named("messaging").down().withData("error", e.getMessage()).build();
        }
    }
}
