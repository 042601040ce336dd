package org.vtpm.manager.attest;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * Puts a job on the attestation-jobs queue with its record: both in the caller's transaction, so
 * a job is never recorded without its message nor sent without its record.
 */
@Stateless
@PermitAll
public class JobQueue {

    @Inject
    private JMSContext jms;

    @Resource(lookup = "java:/jms/queue/vtpm/AttestationJobs")
    private Queue queue;

    @EJB
    private JobStore store;

    public JobView enqueue(JobMessage message) {
        AttestationJob job = store.create(message);
        jms.createProducer().send(queue, message.withJobId(job.getId()).toJson());
        return JobView.of(job);
    }
}
