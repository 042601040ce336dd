package org.vtpm.manager.attest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.security.Roles;

/**
 * Policies' schedules as EJB interval timers: at each expiry, a job attests the RUNNING vTPMs
 * assigned to the policy, through the same queue as every job. Timers are not persistent: they are
 * made again from the policies at every start, so the database stays the one place schedules live.
 * Also forgets old challenges.
 */
@Singleton
@Startup
@PermitAll
@RunAs(Roles.SYSTEM)
public class AttestationSchedules {

    /** Challenges are kept this long past expiry, so late evidence is told "expired", not "unknown". */
    static final Duration CHALLENGE_RETENTION = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(AttestationSchedules.class.getName());

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private JobQueue queue;

    @EJB
    private ChallengeStore challenges;

    @PostConstruct
    void scheduleAll() {
        em.createQuery("SELECT p FROM PolicyRecord p WHERE p.scheduleSeconds IS NOT NULL", PolicyRecord.class)
                .getResultStream()
                .forEach(policy -> schedule(policy.getId(), policy.getScheduleSeconds()));
    }

    /** Replaces the policy's timer by one for its new schedule, or none. */
    public void reschedule(String policyId, Long seconds) {
        for (Timer timer : timers.getTimers()) {
            if (policyId.equals(timer.getInfo())) {
                timer.cancel();
            }
        }
        if (seconds != null) {
            schedule(policyId, seconds);
        }
    }

    private void schedule(String policyId, long seconds) {
        long millis = Duration.ofSeconds(seconds).toMillis();
        timers.createIntervalTimer(millis, millis, new TimerConfig(policyId, false));
    }

    @Timeout
    void attestAssigned(Timer timer) {
        String policyId = (String) timer.getInfo();
        PolicyRecord policy = em.find(PolicyRecord.class, policyId);
        if (policy == null) {
            timer.cancel();
            return;
        }
        List<String> assigned = em.createQuery("SELECT a.vtpmId FROM PolicyAssignment a WHERE a.policyId = :policy"
                        + " ORDER BY a.vtpmId", String.class)
                .setParameter("policy", policyId)
                .setMaxResults(JobMessage.MAX_VTPMS)
                .getResultList();
        if (assigned.isEmpty()) {
            return;
        }
        if (assigned.size() == JobMessage.MAX_VTPMS) {
            LOG.warning("policy '" + policy.getName() + "' is assigned to more vTPMs than one job takes; this run"
                    + " attests the first " + JobMessage.MAX_VTPMS);
        }
        JobView job = queue.enqueue(new JobMessage(Optional.empty(), policy.getTenant(), assigned, Optional.empty(),
                Map.of(), false));
        LOG.info("policy '" + policy.getName() + "' scheduled attestation job " + job.id() + " over "
                + assigned.size() + " assigned vTPMs");
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purgeChallenges() {
        challenges.purge(Instant.now().minus(CHALLENGE_RETENTION));
    }
}
