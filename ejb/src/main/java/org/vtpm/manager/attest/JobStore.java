package org.vtpm.manager.attest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.vtpm.manager.vtpm.VtpmStatus;
import org.vtpm.tpm.attest.Verdict;

/** Job records: created, accepted from the queue, started with what they select, and their progress. */
@Stateless
@PermitAll
public class JobStore {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    public AttestationJob create(JobMessage message) {
        String id = UUID.randomUUID().toString();
        AttestationJob job = new AttestationJob(id, message.tenant(), message.withJobId(id).toJson(), Instant.now());
        em.persist(job);
        return job;
    }

    /**
     * Takes a consumed message on: the job it names if that is still QUEUED (not yet run), or a new
     * job for a message sent straight to the queue. Commits at once, so the runner's threads see it.
     *
     * @return the job's id, or nothing when the job ran already (the message is a redelivery)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<String> accept(JobMessage message) {
        if (message.jobId().isEmpty()) {
            return Optional.of(create(message).getId());
        }
        AttestationJob job = em.find(AttestationJob.class, message.jobId().get());
        if (job == null) {
            em.persist(new AttestationJob(message.jobId().get(), message.tenant(), message.toJson(), Instant.now()));
            return message.jobId();
        }
        return job.getStatus() == AttestationJob.Status.QUEUED ? message.jobId() : Optional.empty();
    }

    /** The ids of the RUNNING vTPMs the message selects, in a stable order. */
    public List<String> select(JobMessage message) {
        StringBuilder jpql = new StringBuilder("SELECT v.id FROM Vtpm v");
        int labels = message.labels().size();
        for (int i = 0; i < labels; i++) {
            jpql.append(" JOIN v.labels l").append(i);
        }
        jpql.append(" WHERE v.tenant = :tenant AND v.status = :running");
        message.host().ifPresent(host -> jpql.append(" AND v.host.name = :host"));
        if (!message.vtpmIds().isEmpty()) {
            jpql.append(" AND v.id IN :ids");
        }
        for (int i = 0; i < labels; i++) {
            jpql.append(" AND KEY(l").append(i).append(") = :key").append(i)
                    .append(" AND VALUE(l").append(i).append(") = :value").append(i);
        }
        jpql.append(" ORDER BY v.id");
        TypedQuery<String> query = em.createQuery(jpql.toString(), String.class)
                .setParameter("tenant", message.tenant())
                .setParameter("running", VtpmStatus.RUNNING);
        message.host().ifPresent(host -> query.setParameter("host", host));
        if (!message.vtpmIds().isEmpty()) {
            query.setParameter("ids", message.vtpmIds());
        }
        int i = 0;
        for (Map.Entry<String, String> label : message.labels().entrySet()) {
            query.setParameter("key" + i, label.getKey()).setParameter("value" + i, label.getValue());
            i++;
        }
        return query.getResultList();
    }

    public void start(String jobId, int total) {
        em.find(AttestationJob.class, jobId).start(total, Instant.now());
    }

    /**
     * Counts one vTPM done, by a single UPDATE (concurrent attestations of a job never overwrite
     * each other's counts), and completes the job with its last one.
     *
     * @param verdict the verdict, or nothing when the vTPM could not be attested
     */
    public void progress(String jobId, Optional<Verdict.Outcome> verdict) {
        int passed = verdict.filter(outcome -> outcome == Verdict.Outcome.PASS).isPresent() ? 1 : 0;
        int errors = verdict.isEmpty() ? 1 : 0;
        em.createQuery("UPDATE AttestationJob j SET j.done = j.done + 1, j.passed = j.passed + :passed,"
                        + " j.failed = j.failed + :failed, j.errors = j.errors + :errors, j.version = j.version + 1"
                        + " WHERE j.id = :id")
                .setParameter("passed", passed)
                .setParameter("failed", 1 - passed)
                .setParameter("errors", errors)
                .setParameter("id", jobId)
                .executeUpdate();
        em.createQuery("UPDATE AttestationJob j SET j.status = :completed, j.finished = :now,"
                        + " j.version = j.version + 1 WHERE j.id = :id AND j.status = :running AND j.done >= j.total")
                .setParameter("completed", AttestationJob.Status.COMPLETED)
                .setParameter("now", Instant.now())
                .setParameter("id", jobId)
                .setParameter("running", AttestationJob.Status.RUNNING)
                .executeUpdate();
    }

    public Optional<AttestationJob> find(String tenant, String id) {
        AttestationJob job = em.find(AttestationJob.class, id);
        return job != null && job.getTenant().equals(tenant) ? Optional.of(job) : Optional.empty();
    }

    public List<AttestationRecord> results(String jobId, int offset, int limit) {
        return em.createQuery("SELECT r FROM AttestationRecord r WHERE r.jobId = :job ORDER BY r.vtpmId",
                        AttestationRecord.class)
                .setParameter("job", jobId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countResults(String jobId) {
        return em.createQuery("SELECT COUNT(r) FROM AttestationRecord r WHERE r.jobId = :job", Long.class)
                .setParameter("job", jobId)
                .getSingleResult();
    }
}
