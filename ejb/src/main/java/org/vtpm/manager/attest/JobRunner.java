package org.vtpm.manager.attest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;

import org.vtpm.manager.vtpm.VtpmNotFoundException;
import org.vtpm.tpm.attest.Verdict;

/**
 * Runs attestation jobs on the server's managed executor: one coordinating task per job selects
 * the vTPMs and hands each to a task of its own, at most {@value #CONCURRENCY} attestations at a
 * time over all jobs, so a job of thousands of vTPMs neither floods the TPMs and the database nor
 * holds up the queue, whose listener only hands the job over.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobRunner {

    /** Attestations in flight at once; each holds a vTPM connection and, while it signs, a pTPM one. */
    static final int CONCURRENCY = 4;
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    private final Semaphore slots = new Semaphore(CONCURRENCY, true);

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private JobStore jobs;

    @EJB
    private Attestor attestor;

    public void start(String jobId, JobMessage message) {
        executor.execute(() -> run(jobId, message));
    }

    private void run(String jobId, JobMessage message) {
        List<String> selected = jobs.select(message);
        jobs.start(jobId, selected.size());
        LOG.info("attestation job " + jobId + " selected " + selected.size() + " running vTPMs of tenant '"
                + message.tenant() + "'");
        Attestor.Request request = new Attestor.Request(message.deep(), Map.of(), Optional.empty());
        for (String vtpmId : selected) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warning("attestation job " + jobId + " interrupted while scheduling; it stays RUNNING");
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        attestOne(jobId, message.tenant(), vtpmId, request);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                slots.release();
                throw e;
            }
        }
    }

    private void attestOne(String jobId, String tenant, String vtpmId, Attestor.Request request) {
        Optional<Verdict.Outcome> outcome = Optional.empty();
        try {
            outcome = Optional.of(Verdict.Outcome.valueOf(attestor.attest(tenant, vtpmId, request, jobId).verdict()));
        } catch (VtpmNotFoundException | VtpmNotRunningException | EvidenceUnavailableException e) {
            LOG.warning("attestation job " + jobId + ": vTPM " + vtpmId + " not attested: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "attestation job " + jobId + ": vTPM " + vtpmId + " not attested", e);
        } finally {
            jobs.progress(jobId, outcome);
        }
    }
}
