package org.vtpm.manager.attest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * Runs attestation jobs on the server's managed executor, {@value #CONCURRENCY} attestations of a
 * job at a time, so a job of thousands of vTPMs neither floods the TPMs and the database nor holds
 * up the queue, whose listener only hands the job over.
 *
 * <p>A job runs in {@value #CONCURRENCY} lanes; a lane's task attests one vTPM and then submits
 * the lane's next task. No task ever waits for another, so jobs cannot starve each other of the
 * executor's threads, and no task runs long enough to look hung.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JobRunner {

    /** Attestations of one job in flight at once; each holds a vTPM connection and, to sign, a pTPM one. */
    static final int CONCURRENCY = 4;
    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @EJB
    private JobStore jobs;

    @EJB
    private Attestor attestor;

    /** A started job: what remains to attest, and how. */
    private record Run(String jobId, String tenant, Attestor.Request request, Queue<String> remaining) {
    }

    public void start(String jobId, JobMessage message) {
        executor.execute(() -> {
            List<String> selected = jobs.select(message);
            jobs.start(jobId, selected.size());
            LOG.info("attestation job " + jobId + " selected " + selected.size() + " running vTPMs of tenant '"
                    + message.tenant() + "'");
            Run run = new Run(jobId, message.tenant(), new Attestor.Request(message.deep(), Map.of(),
                    Optional.empty()), new ConcurrentLinkedQueue<>(selected));
            for (int lane = 0; lane < Math.min(CONCURRENCY, selected.size()); lane++) {
                executor.execute(() -> next(run));
            }
        });
    }

    private void next(Run run) {
        String vtpmId = run.remaining().poll();
        if (vtpmId == null) {
            return;
        }
        try {
            attestOne(run, vtpmId);
        } finally {
            executor.execute(() -> next(run));
        }
    }

    private void attestOne(Run run, String vtpmId) {
        Optional<Verdict.Outcome> outcome = Optional.empty();
        try {
            outcome = Optional.of(Verdict.Outcome.valueOf(attestor.attest(run.tenant(), vtpmId, run.request(),
                    run.jobId()).verdict()));
        } catch (VtpmNotFoundException | VtpmNotRunningException | EvidenceUnavailableException e) {
            LOG.warning("attestation job " + run.jobId() + ": vTPM " + vtpmId + " not attested: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "attestation job " + run.jobId() + ": vTPM " + vtpmId + " not attested", e);
        } finally {
            jobs.progress(run.jobId(), outcome);
        }
    }
}
