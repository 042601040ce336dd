package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.host.Host;
import org.vtpm.rar.api.VtpmEndpoint;

/**
 * The vTPM rows, one short transaction per call: the lifecycle calls in between talk to TPMs
 * (seconds, sometimes), and no database lock may be held across them, since the state listener
 * writes in its own transactions meanwhile.
 */
@Stateless
@PermitAll
public class VtpmStore {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private StateVault vault;

    public Vtpm create(Vtpm vtpm, byte[] wrappedDataKey) throws InvalidRequestException {
        boolean taken = !em.createQuery("SELECT v.id FROM Vtpm v WHERE v.tenant = :tenant AND v.name = :name"
                        + " AND v.status <> :deleted", String.class)
                .setParameter("tenant", vtpm.getTenant())
                .setParameter("name", vtpm.getName())
                .setParameter("deleted", VtpmStatus.DELETED)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new InvalidRequestException("a vTPM named '" + vtpm.getName() + "' exists already");
        }
        em.persist(vtpm);
        em.persist(new VtpmKey(vtpm.getId(), wrappedDataKey));
        return vtpm;
    }

    /** A vTPM of the tenant, checked to allow the operation now. */
    public Vtpm require(String tenant, String id, VtpmStatus.Operation operation)
            throws VtpmNotFoundException, IllegalTransitionException {
        Vtpm vtpm = find(tenant, id);
        if (!operation.allowedFrom(vtpm.getStatus())) {
            throw new IllegalTransitionException(id, vtpm.getStatus(), operation);
        }
        return vtpm;
    }

    public Vtpm find(String tenant, String id) throws VtpmNotFoundException {
        Vtpm vtpm = em.find(Vtpm.class, id);
        if (vtpm == null || !vtpm.getTenant().equals(tenant) || vtpm.getStatus() == VtpmStatus.DELETED) {
            throw new VtpmNotFoundException(id);
        }
        return vtpm;
    }

    /** Whether a vTPM is still being provisioned (and unknown vTPMs are not). */
    public boolean isCreating(String id) {
        Vtpm vtpm = em.find(Vtpm.class, id);
        return vtpm != null && vtpm.getStatus() == VtpmStatus.CREATING;
    }

    public List<Vtpm> list(String tenant, int offset, int limit) {
        return em.createQuery("SELECT v FROM Vtpm v WHERE v.tenant = :tenant AND v.status <> :deleted"
                        + " ORDER BY v.created, v.id", Vtpm.class)
                .setParameter("tenant", tenant)
                .setParameter("deleted", VtpmStatus.DELETED)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    public long count(String tenant) {
        return em.createQuery("SELECT COUNT(v) FROM Vtpm v WHERE v.tenant = :tenant AND v.status <> :deleted",
                        Long.class)
                .setParameter("tenant", tenant)
                .setParameter("deleted", VtpmStatus.DELETED)
                .getSingleResult();
    }

    public Vtpm provisioned(String id, List<IdentityKey> identity) {
        Vtpm vtpm = em.find(Vtpm.class, id);
        vtpm.provisioned(identity, Instant.now());
        return vtpm;
    }

    public Vtpm running(String id, VtpmEndpoint endpoint) {
        Vtpm vtpm = em.find(Vtpm.class, id);
        vtpm.running(endpoint.host(), endpoint.port(), endpoint.controlPort(), Instant.now());
        return vtpm;
    }

    public Vtpm moveTo(String id, VtpmStatus status) {
        Vtpm vtpm = em.find(Vtpm.class, id);
        vtpm.moveTo(status, Instant.now());
        return vtpm;
    }

    /**
     * Takes a vTPM for an operation that must run alone (a migration): checks the operation is
     * allowed and moves it to {@code holding} under a row lock, so a second caller sees the
     * vTPM taken and gets a conflict.
     */
    public VtpmStatus take(String tenant, String id, VtpmStatus.Operation operation, VtpmStatus holding)
            throws VtpmNotFoundException, IllegalTransitionException {
        Vtpm vtpm = find(tenant, id);
        em.lock(vtpm, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(vtpm);
        if (!operation.allowedFrom(vtpm.getStatus())) {
            throw new IllegalTransitionException(id, vtpm.getStatus(), operation);
        }
        VtpmStatus previous = vtpm.getStatus();
        vtpm.moveTo(holding, Instant.now());
        return previous;
    }

    /** Commits a migration: the vTPM, its states and snapshots now belong to the target host alone. */
    public Vtpm completeMigration(String id, Host target, byte[] permanent, Optional<byte[]> volatileState,
                                  VtpmStatus status) throws StateRefusedException {
        vault.rehome(id, target, permanent, volatileState);
        Vtpm vtpm = em.find(Vtpm.class, id);
        vtpm.moveTo(status, Instant.now());
        return vtpm;
    }

    /** Destroys the data key and every state, and leaves a tombstone for the audit trail. */
    public void delete(String id) {
        vault.destroy(id);
        em.find(Vtpm.class, id).moveTo(VtpmStatus.DELETED, Instant.now());
    }

    /** Running vTPMs of a host that no longer run: the server stopped under them. */
    public int markStopped(Host host, Set<String> stillRunning) {
        List<Vtpm> orphans = em.createQuery("SELECT v FROM Vtpm v WHERE v.host.id = :host AND v.status = :running",
                        Vtpm.class)
                .setParameter("host", host.getId())
                .setParameter("running", VtpmStatus.RUNNING)
                .getResultList()
                .stream()
                .filter(vtpm -> !stillRunning.contains(vtpm.getId()))
                .toList();
        orphans.forEach(vtpm -> vtpm.moveTo(VtpmStatus.STOPPED, Instant.now()));
        return orphans.size();
    }

    public Snapshot addSnapshot(Snapshot snapshot) {
        em.persist(snapshot);
        return snapshot;
    }

    public List<Snapshot> snapshots(String vtpmId) {
        return em.createQuery("SELECT s FROM Snapshot s WHERE s.vtpmId = :id ORDER BY s.created, s.id", Snapshot.class)
                .setParameter("id", vtpmId)
                .getResultList();
    }

    public Snapshot snapshot(String vtpmId, String snapshotId) throws SnapshotNotFoundException {
        Snapshot snapshot = em.find(Snapshot.class, snapshotId);
        if (snapshot == null || !snapshot.getVtpmId().equals(vtpmId)) {
            throw new SnapshotNotFoundException(snapshotId);
        }
        return snapshot;
    }
}
