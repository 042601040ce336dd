package org.vtpm.manager.attest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.attest.Baseline;
import org.vtpm.tpm.attest.Layer;

/**
 * What attestation reads and writes besides challenges: the policy judging a vTPM or a host, the
 * baselines learned, and the results. One short transaction per call, none around TPM work.
 */
@Stateless
@PermitAll
public class AttestationStore {

    /** The stored baseline of a host is kept apart from any vTPM's by this prefix. */
    static final String HOST_PREFIX = "host:";

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    /** The vTPM's assigned policy, or the default baseline policy when it has none. */
    public AttestationPolicy policyOf(String vtpmId) {
        PolicyAssignment assignment = em.find(PolicyAssignment.class, vtpmId);
        if (assignment == null) {
            return AttestationPolicy.baseline();
        }
        return PolicyDocument.decode(em.find(PolicyRecord.class, assignment.getPolicyId()).getRules());
    }

    /** The host's policy, or the default baseline policy when none was set. */
    public AttestationPolicy hostPolicyOf(String hostId) {
        HostPolicy policy = em.find(HostPolicy.class, hostId);
        return policy == null ? AttestationPolicy.baseline() : PolicyDocument.decode(policy.getRules());
    }

    public Optional<HostAttestationKey> hostKey(String hostId) {
        return Optional.ofNullable(em.find(HostAttestationKey.class, hostId));
    }

    /** Keeps a host key certified at first use; of two servers certifying at once, the first stays. */
    public void saveHostKey(HostAttestationKey key) {
        if (em.find(HostAttestationKey.class, key.getHostId()) == null) {
            em.persist(key);
        }
    }

    public Optional<Baseline> baseline(String subject) {
        return Optional.ofNullable(em.find(StoredBaseline.class, subject))
                .map(stored -> BaselineDocument.decode(stored.getBaseline()));
    }

    static String subject(Layer layer, String vtpmId, String hostId) {
        return layer == Layer.HOST ? HOST_PREFIX + hostId : vtpmId;
    }

    /**
     * Stores the result, and the baselines it taught unless a concurrent first attestation stored
     * one already (the first one stays).
     */
    public void record(AttestationRecord result, Map<String, Baseline> learned) {
        learned.forEach((subject, baseline) -> {
            if (em.find(StoredBaseline.class, subject) == null) {
                em.persist(new StoredBaseline(subject, BaselineDocument.encode(baseline), result.getId(),
                        Instant.now()));
            }
        });
        em.persist(result);
    }

    public Optional<AttestationRecord> result(String tenant, String id) {
        AttestationRecord record = em.find(AttestationRecord.class, id);
        return record != null && record.getTenant().equals(tenant) ? Optional.of(record) : Optional.empty();
    }

    public List<AttestationRecord> results(String tenant, String vtpmId, int offset, int limit) {
        return em.createQuery("SELECT r FROM AttestationRecord r WHERE r.tenant = :tenant AND r.vtpmId = :vtpm"
                        + " ORDER BY r.created DESC, r.id", AttestationRecord.class)
                .setParameter("tenant", tenant)
                .setParameter("vtpm", vtpmId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long countResults(String tenant, String vtpmId) {
        return em.createQuery("SELECT COUNT(r) FROM AttestationRecord r WHERE r.tenant = :tenant AND r.vtpmId = :vtpm",
                        Long.class)
                .setParameter("tenant", tenant)
                .setParameter("vtpm", vtpmId)
                .getSingleResult();
    }
}
