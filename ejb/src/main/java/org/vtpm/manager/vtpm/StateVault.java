package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.keys.DataKey;
import org.vtpm.manager.keys.StateCipher;
import org.vtpm.manager.keys.StateIntegrityException;

/**
 * Encrypts vTPM states into the database and decrypts them out of it, each with its vTPM's data
 * key unwrapped by the KEK of the host the vTPM belongs to. Writers of one vTPM take its key row
 * for update, so the state listener and the lifecycle never interleave versions.
 */
@Stateless
@PermitAll
public class StateVault {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @EJB
    private HostRegistry hosts;

    /** Stores the next version of a part of a vTPM's state. */
    public void write(String vtpmId, EncryptedState.Part part, byte[] plaintext) {
        VtpmKey key = em.find(VtpmKey.class, vtpmId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            throw new IllegalStateException("vTPM " + vtpmId + " is not one this manager keeps; its state is not stored");
        }
        long version = key.advance(part);
        byte[] ciphertext = encrypt(key, vtpmId, part.name(), version, plaintext);
        EncryptedState row = em.find(EncryptedState.class, EncryptedState.idOf(vtpmId, part));
        if (row == null) {
            row = new EncryptedState(vtpmId, part);
            row.store(version, ciphertext, Instant.now());
            em.persist(row);
        } else {
            row.store(version, ciphertext, Instant.now());
        }
    }

    /**
     * The current version of a part, if one was stored.
     *
     * @throws StateRefusedException if the stored blob is not the version last written for this
     *                               vTPM and part, or was altered
     */
    public Optional<byte[]> read(String vtpmId, EncryptedState.Part part) throws StateRefusedException {
        VtpmKey key = em.find(VtpmKey.class, vtpmId);
        if (key == null) {
            throw new IllegalStateException("vTPM " + vtpmId + " has no data key");
        }
        EncryptedState row = em.find(EncryptedState.class, EncryptedState.idOf(vtpmId, part));
        long expected = key.version(part);
        if (row == null) {
            if (expected == 0) {
                return Optional.empty();
            }
            throw new StateRefusedException("the " + part.name().toLowerCase(java.util.Locale.ROOT) + " state of vTPM "
                    + vtpmId + " (version " + expected + ") is missing from the database");
        }
        return Optional.of(decrypt(key, vtpmId, part.name(), expected, row.getCiphertext()));
    }

    /** The version last written of a part (0 before the first). */
    public long version(String vtpmId, EncryptedState.Part part) {
        VtpmKey key = em.find(VtpmKey.class, vtpmId);
        return key == null ? 0 : key.version(part);
    }

    /** Forgets a part (the volatile state once a suspended vTPM has resumed from it). */
    public void discard(String vtpmId, EncryptedState.Part part) {
        EncryptedState row = em.find(EncryptedState.class, EncryptedState.idOf(vtpmId, part));
        if (row != null) {
            em.remove(row);
        }
    }

    /** Encrypts bytes that belong to a vTPM under a label of their own (a snapshot's id). */
    public byte[] seal(String vtpmId, String label, byte[] plaintext) {
        return encrypt(em.find(VtpmKey.class, vtpmId), vtpmId, label, 0, plaintext);
    }

    public byte[] unseal(String vtpmId, String label, byte[] ciphertext) throws StateRefusedException {
        return decrypt(em.find(VtpmKey.class, vtpmId), vtpmId, label, 0, ciphertext);
    }

    /**
     * Re-homes a vTPM on another host within the caller's transaction: a new data key wrapped by
     * the target host's KEK, the given states written under it as the next versions, snapshots
     * carried over; the old data key is overwritten, so the source copy is unreadable from the
     * moment this commits, and untouched if it does not.
     */
    public void rehome(String vtpmId, Host target, byte[] permanent, Optional<byte[]> volatileState)
            throws StateRefusedException {
        VtpmKey key = em.find(VtpmKey.class, vtpmId, LockModeType.PESSIMISTIC_WRITE);
        List<Snapshot> snapshots = em.createQuery("SELECT s FROM Snapshot s WHERE s.vtpmId = :id", Snapshot.class)
                .setParameter("id", vtpmId)
                .getResultList();
        Map<String, byte[]> snapshotStates = new HashMap<>();
        for (Snapshot snapshot : snapshots) {
            snapshotStates.put(snapshot.getId(), unseal(vtpmId, Snapshot.label(snapshot.getId()), snapshot.getCiphertext()));
        }
        DataKey fresh = DataKey.generate();
        try {
            key.rewrap(hosts.kek(target.getId()).wrap(fresh, vtpmId));
        } finally {
            destroy(fresh);
        }
        em.find(Vtpm.class, vtpmId).moveToHost(em.find(Host.class, target.getId()), Instant.now());
        write(vtpmId, EncryptedState.Part.PERMANENT, permanent);
        if (volatileState.isPresent()) {
            write(vtpmId, EncryptedState.Part.VOLATILE, volatileState.get());
        } else {
            discard(vtpmId, EncryptedState.Part.VOLATILE);
        }
        for (Snapshot snapshot : snapshots) {
            snapshot.reseal(seal(vtpmId, Snapshot.label(snapshot.getId()), snapshotStates.get(snapshot.getId())));
        }
    }

    /** Crypto-shredding: the data key goes first, then everything it protected. */
    public void destroy(String vtpmId) {
        VtpmKey key = em.find(VtpmKey.class, vtpmId, LockModeType.PESSIMISTIC_WRITE);
        if (key != null) {
            em.remove(key);
        }
        em.createQuery("DELETE FROM EncryptedState s WHERE s.vtpmId = :id").setParameter("id", vtpmId).executeUpdate();
        em.createQuery("DELETE FROM Snapshot s WHERE s.vtpmId = :id").setParameter("id", vtpmId).executeUpdate();
    }

    private byte[] decrypt(VtpmKey key, String vtpmId, String part, long version, byte[] ciphertext)
            throws StateRefusedException {
        DataKey dataKey = unwrap(key);
        try {
            return StateCipher.decrypt(dataKey, vtpmId, part, version, ciphertext);
        } catch (StateIntegrityException e) {
            throw new StateRefusedException("the stored " + part.toLowerCase(java.util.Locale.ROOT) + " state of vTPM "
                    + vtpmId + " failed its integrity check (stale, swapped or altered) and is not used: "
                    + e.getMessage());
        } finally {
            destroy(dataKey);
        }
    }

    private byte[] encrypt(VtpmKey key, String vtpmId, String part, long version, byte[] plaintext) {
        DataKey dataKey;
        try {
            dataKey = unwrap(key);
        } catch (StateRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            return StateCipher.encrypt(dataKey, vtpmId, part, version, plaintext);
        } finally {
            destroy(dataKey);
        }
    }

    private DataKey unwrap(VtpmKey key) throws StateRefusedException {
        Vtpm vtpm = em.find(Vtpm.class, key.getVtpmId());
        try {
            return hosts.kek(vtpm.getHost().getId()).unwrap(key.getWrappedKey(), key.getVtpmId());
        } catch (StateIntegrityException e) {
            throw new StateRefusedException("the data key of vTPM " + key.getVtpmId() + " failed its integrity check"
                    + " under the KEK of host '" + vtpm.getHost().getName() + "' and is not used");
        }
    }

    private static void destroy(DataKey dataKey) {
        dataKey.destroy();
    }
}
