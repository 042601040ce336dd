package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.audit.AuditEvent;
import org.vtpm.manager.audit.AuditLog;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;

/**
 * Snapshots of a vTPM's permanent state, and restoring one into the same (stopped) vTPM. A
 * restore writes the snapshot's state as the vTPM's next version: the history only grows, so
 * the anti-rollback check keeps holding.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class VtpmSnapshots {

    private static final int MAX_NAME = 128;

    @EJB
    private VtpmStore store;

    @EJB
    private StateVault vault;

    @EJB
    private Tenancy tenancy;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext session;

    public SnapshotView take(String vtpmId, String name)
            throws VtpmNotFoundException, IllegalTransitionException, StateRefusedException, InvalidRequestException {
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            throw new InvalidRequestException("a snapshot name has 1 to " + MAX_NAME + " characters");
        }
        store.require(tenancy.currentTenant(), vtpmId, VtpmStatus.Operation.SNAPSHOT);
        byte[] permanent = vault.read(vtpmId, EncryptedState.Part.PERMANENT)
                .orElseThrow(() -> new IllegalStateException("vTPM " + vtpmId + " has no stored state"));
        String id = UUID.randomUUID().toString();
        Snapshot snapshot = store.addSnapshot(new Snapshot(id, vtpmId, name,
                vault.version(vtpmId, EncryptedState.Part.PERMANENT), vault.seal(vtpmId, Snapshot.label(id), permanent),
                Instant.now()));
        record("vtpm.snapshot", vtpmId, "snapshot " + id);
        return SnapshotView.of(snapshot);
    }

    public List<SnapshotView> list(String vtpmId) throws VtpmNotFoundException {
        store.find(tenancy.currentTenant(), vtpmId);
        return store.snapshots(vtpmId).stream().map(SnapshotView::of).toList();
    }

    public VtpmView restore(String vtpmId, String snapshotId) throws VtpmNotFoundException,
            IllegalTransitionException, SnapshotNotFoundException, StateRefusedException {
        Vtpm vtpm = store.require(tenancy.currentTenant(), vtpmId, VtpmStatus.Operation.RESTORE);
        Snapshot snapshot = store.snapshot(vtpmId, snapshotId);
        vault.write(vtpmId, EncryptedState.Part.PERMANENT, vault.unseal(vtpmId, Snapshot.label(snapshotId),
                snapshot.getCiphertext()));
        record("vtpm.restore", vtpmId, "snapshot " + snapshotId);
        return VtpmView.of(vtpm);
    }

    private void record(String action, String vtpmId, String detail) {
        audit.record(session.getCallerPrincipal().getName(), action, "vtpm:" + vtpmId, AuditEvent.Outcome.SUCCESS,
                UUID.randomUUID().toString(), detail);
    }
}
