package org.vtpm.manager.vtpm;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.vtpm.manager.InvalidRequestException;
import org.vtpm.manager.audit.AuditEvent;
import org.vtpm.manager.audit.AuditLog;
import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostNotFoundException;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.host.HostTransportKeys;
import org.vtpm.manager.host.KeyProtectionFailure;
import org.vtpm.manager.keys.TransportKey;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;
import org.vtpm.rar.api.TpmResourceException;

/**
 * Moves a vTPM to another host (ARCHITECTURE.md, "vTPM lifecycle"): the source is locked
 * (MIGRATING: no other operation passes), its state is exported sealed to the transport key that
 * lives in the target host's pTPM, the target opens it there and takes the vTPM in one
 * transaction that also overwrites the source's data key. Until that commits the source copy is
 * the only one and is put back as it was on any failure; after it, the target's is.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VtpmMigration {

    @EJB
    private VtpmStore store;

    @EJB
    private StateVault vault;

    @EJB
    private HostTransportKeys transportKeys;

    @EJB
    private HostRegistry hosts;

    @EJB
    private Tenancy tenancy;

    @EJB
    private AuditLog audit;

    @Resource
    private SessionContext session;

    public VtpmView migrate(String id, String targetHostName) throws VtpmNotFoundException,
            IllegalTransitionException, HostNotFoundException, InvalidRequestException, StateRefusedException,
            TpmResourceException {
        if (targetHostName == null || targetHostName.isBlank()) {
            throw new InvalidRequestException("targetHost must name a host; GET /api/v1/hosts lists them");
        }
        Host target = hosts.byName(targetHostName);
        String tenant = tenancy.currentTenant();
        if (store.find(tenant, id).getHost().getId().equals(target.getId())) {
            throw new InvalidRequestException("vTPM " + id + " is on host '" + targetHostName + "' already");
        }
        VtpmStatus previous = store.take(tenant, id, VtpmStatus.Operation.MIGRATE, VtpmStatus.MIGRATING);
        try {
            byte[] exported = export(id, target, previous == VtpmStatus.SUSPENDED);
            StateBundle imported = StateBundle.decode(transportKeys.open(target, exported));
            Vtpm moved = store.completeMigration(id, target, imported.permanent(), imported.volatileState(), previous);
            record(id, AuditEvent.Outcome.SUCCESS, "to host " + target.getName());
            return VtpmView.of(moved);
        } catch (StateRefusedException | TpmResourceException | RuntimeException e) {
            store.moveTo(id, previous);
            record(id, AuditEvent.Outcome.FAILURE, "to host " + target.getName() + ": " + e.getMessage());
            throw e;
        }
    }

    /**
     * The source side: the vTPM's states (the volatile one only for a suspended vTPM: nothing else
     * resumes from it), sealed so that only the target host's pTPM opens them.
     */
    private byte[] export(String id, Host target, boolean suspended) throws StateRefusedException,
            TpmResourceException {
        byte[] permanent = vault.read(id, EncryptedState.Part.PERMANENT)
                .orElseThrow(() -> new IllegalStateException("vTPM " + id + " has no stored state"));
        Optional<byte[]> volatileState = suspended ? vault.read(id, EncryptedState.Part.VOLATILE) : Optional.empty();
        try {
            return TransportKey.sealTo(transportKeys.publicKey(target).publicArea(),
                    new StateBundle(permanent, volatileState).encode());
        } catch (IllegalArgumentException e) {
            throw new KeyProtectionFailure("the state of vTPM " + id + " could not be sealed to host '"
                    + target.getName() + "': " + e.getMessage(), e);
        }
    }

    private void record(String id, AuditEvent.Outcome outcome, String detail) {
        audit.record(session.getCallerPrincipal().getName(), "vtpm.migrate", "vtpm:" + id, outcome,
                UUID.randomUUID().toString(), detail);
    }
}
