package org.vtpm.manager.vtpm;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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
import org.vtpm.manager.ca.CertificateAuthority;
import org.vtpm.manager.ca.Pem;
import org.vtpm.manager.host.Host;
import org.vtpm.manager.host.HostRegistry;
import org.vtpm.manager.keys.ConnectionTransport;
import org.vtpm.manager.keys.DataKey;
import org.vtpm.manager.keys.EkType;
import org.vtpm.manager.keys.VtpmIdentity;
import org.vtpm.manager.security.Roles;
import org.vtpm.manager.tenant.Tenancy;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmConnectionFactory;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.VtpmEndpoint;
import org.vtpm.rar.api.VtpmHost;
import org.vtpm.rar.api.VtpmState;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmException;

/**
 * The vTPM lifecycle (ARCHITECTURE.md, "vTPM lifecycle"): create with a certified identity,
 * start, stop, suspend, resume, delete. Runs without a transaction of its own: each step that
 * touches the database is a short transaction of {@link VtpmStore} or {@link StateVault}, and
 * the TPM work happens between them, where the state listener's transactions must not wait for
 * ours.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VtpmLifecycle {

    static final int MAX_LABELS = 32;
    private static final Logger LOG = Logger.getLogger(VtpmLifecycle.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
    private static final int MAX_LABEL_VALUE = 256;

    @EJB
    private VtpmStore store;

    @EJB
    private StateVault vault;

    @EJB
    private HostRegistry hosts;

    @EJB
    private CertificateAuthority ca;

    @EJB
    private Tenancy tenancy;

    @EJB
    private AuditLog audit;

    @Resource(lookup = "java:/eis/tpm/host")
    private VtpmHost vtpmHost;

    @Resource(lookup = "java:/eis/tpm/virtual")
    private TpmConnectionFactory vtpms;

    @Resource
    private SessionContext session;

    /** Creates a vTPM on the local host: new seeds, the requested EKs and an AK, all certified. */
    public VtpmView create(String name, Set<EkType> eks, Map<String, String> labels)
            throws InvalidRequestException, TpmResourceException {
        validate(name, eks, labels);
        return createWith(name, eks, labels, List.of(), "vtpm.create", "EKs " + eks);
    }

    /**
     * A new vTPM with a new identity (new seeds, EKs, AK: never a copy of the source's) that gets
     * the source's NV indices listed in {@code nvIndices}, and nothing else of it.
     */
    public VtpmView cloneOf(String sourceId, String name, Set<EkType> eks, Map<String, String> labels,
                            List<Integer> nvIndices) throws InvalidRequestException, VtpmNotFoundException,
            IllegalTransitionException, StateRefusedException, TpmResourceException {
        validate(name, eks, labels);
        store.require(tenancy.currentTenant(), sourceId, VtpmStatus.Operation.CLONE);
        List<NvCopy.Index> copied = nvIndices.isEmpty() ? List.of()
                : NvCopy.read(vault.read(sourceId, EncryptedState.Part.PERMANENT)
                        .orElseThrow(() -> new IllegalStateException("vTPM " + sourceId + " has no stored state")),
                        nvIndices);
        return createWith(name, eks, labels, copied, "vtpm.clone", "from " + sourceId + ", " + copied.size()
                + " NV indices");
    }

    private VtpmView createWith(String name, Set<EkType> eks, Map<String, String> labels, List<NvCopy.Index> nv,
                                String action, String detail) throws InvalidRequestException, TpmResourceException {
        String tenant = tenancy.currentTenant();
        Host host = hosts.local();
        String id = UUID.randomUUID().toString();
        store.create(new Vtpm(id, tenant, name, labels, host, Instant.now()), newWrappedDataKey(host, id));
        try {
            VtpmIdentity.Provisioned identity = provision(id, eks, nv);
            Vtpm vtpm = store.provisioned(id, IdentityKeys.of(identity));
            record(action, id, AuditEvent.Outcome.SUCCESS, detail);
            return VtpmView.of(vtpm);
        } catch (TpmResourceException | RuntimeException e) {
            abandon(id);
            record(action, id, AuditEvent.Outcome.FAILURE, e.getMessage());
            throw e;
        }
    }

    public VtpmView get(String id) throws VtpmNotFoundException {
        return VtpmView.of(store.find(tenancy.currentTenant(), id));
    }

    public Page<VtpmView> list(int offset, int limit) {
        String tenant = tenancy.currentTenant();
        return new Page<>(store.list(tenant, offset, limit).stream().map(VtpmView::of).toList(), offset, limit,
                store.count(tenant));
    }

    public List<CertificateView> certificates(String id) throws VtpmNotFoundException {
        return store.find(tenancy.currentTenant(), id).getIdentity().stream()
                .map(key -> new CertificateView(key.getKind(), VtpmView.hex(key.getCertificateIndex()),
                        Pem.certificate(key.getCertificate())))
                .toList();
    }

    public VtpmView start(String id) throws VtpmNotFoundException, IllegalTransitionException, StateRefusedException,
            TpmResourceException {
        store.require(tenancy.currentTenant(), id, VtpmStatus.Operation.START);
        byte[] permanent = vault.read(id, EncryptedState.Part.PERMANENT)
                .orElseThrow(() -> new IllegalStateException("vTPM " + id + " has no stored state"));
        return run(id, VtpmState.of(permanent), "vtpm.start");
    }

    public VtpmView resume(String id) throws VtpmNotFoundException, IllegalTransitionException, StateRefusedException,
            TpmResourceException {
        store.require(tenancy.currentTenant(), id, VtpmStatus.Operation.RESUME);
        byte[] permanent = vault.read(id, EncryptedState.Part.PERMANENT)
                .orElseThrow(() -> new IllegalStateException("vTPM " + id + " has no stored state"));
        Optional<byte[]> volatileState = vault.read(id, EncryptedState.Part.VOLATILE);
        VtpmView view = run(id, new VtpmState(permanent, volatileState), "vtpm.resume");
        vault.discard(id, EncryptedState.Part.VOLATILE);
        return view;
    }

    public VtpmView stop(String id) throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        store.require(tenancy.currentTenant(), id, VtpmStatus.Operation.STOP);
        VtpmState last = vtpmHost.stop(id);
        vault.write(id, EncryptedState.Part.PERMANENT, last.permanent());
        vault.discard(id, EncryptedState.Part.VOLATILE);
        record("vtpm.stop", id, AuditEvent.Outcome.SUCCESS, null);
        return VtpmView.of(store.moveTo(id, VtpmStatus.STOPPED));
    }

    public VtpmView suspend(String id) throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        store.require(tenancy.currentTenant(), id, VtpmStatus.Operation.SUSPEND);
        VtpmState suspended = vtpmHost.suspend(id);
        vault.write(id, EncryptedState.Part.PERMANENT, suspended.permanent());
        suspended.volatileState().ifPresent(state -> vault.write(id, EncryptedState.Part.VOLATILE, state));
        record("vtpm.suspend", id, AuditEvent.Outcome.SUCCESS, null);
        return VtpmView.of(store.moveTo(id, VtpmStatus.SUSPENDED));
    }

    public void delete(String id) throws VtpmNotFoundException, IllegalTransitionException, TpmResourceException {
        store.require(tenancy.currentTenant(), id, VtpmStatus.Operation.DELETE);
        if (vtpmHost.isRunning(id)) {
            vtpmHost.stop(id);
        }
        store.delete(id);
        record("vtpm.delete", id, AuditEvent.Outcome.SUCCESS, "data key destroyed");
    }

    private VtpmView run(String id, VtpmState state, String action) throws TpmResourceException {
        vtpmHost.start(id, state);
        try {
            VtpmEndpoint endpoint = vtpmHost.expose(id, VtpmEndpoint.Protocol.SWTPM);
            Vtpm vtpm = store.running(id, endpoint);
            record(action, id, AuditEvent.Outcome.SUCCESS, "port " + endpoint.port());
            return VtpmView.of(vtpm);
        } catch (TpmResourceException | RuntimeException e) {
            vtpmHost.stop(id);
            throw e;
        }
    }

    /** Runs a new vTPM just long enough to give it its identity (and copied NV), then keeps its state. */
    private VtpmIdentity.Provisioned provision(String id, Set<EkType> eks, List<NvCopy.Index> nv)
            throws TpmResourceException {
        vtpmHost.start(id, VtpmState.fresh());
        VtpmIdentity.Provisioned identity;
        try (TpmConnection connection = vtpms.getConnection(TpmTarget.virtual(id))) {
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            connection.execute(new Startup(Su.CLEAR));
            identity = ca.provision(tpm, eks, id);
            NvCopy.write(tpm, nv);
        } catch (TpmException | IOException e) {
            vtpmHost.stop(id);
            throw new TpmResourceException("vTPM " + id + " refused its provisioning: " + e.getMessage(), e);
        } catch (TpmResourceException | RuntimeException e) {
            vtpmHost.stop(id);
            throw e;
        }
        vault.write(id, EncryptedState.Part.PERMANENT, vtpmHost.stop(id).permanent());
        return identity;
    }

    /** Undoes a creation that failed half-way: nothing of it may stay usable. */
    private void abandon(String id) {
        if (vtpmHost.isRunning(id)) {
            try {
                vtpmHost.stop(id);
            } catch (TpmResourceException e) {
                LOG.warning("vTPM " + id + " whose creation failed could not be stopped: " + e.getMessage());
            }
        }
        store.delete(id);
    }

    private byte[] newWrappedDataKey(Host host, String id) {
        DataKey dataKey = DataKey.generate();
        try {
            return hosts.kek(host.getId()).wrap(dataKey, id);
        } finally {
            dataKey.destroy();
        }
    }

    private void record(String action, String id, AuditEvent.Outcome outcome, String detail) {
        audit.record(session.getCallerPrincipal().getName(), action, "vtpm:" + id, outcome,
                UUID.randomUUID().toString(), detail);
    }

    private static void validate(String name, Set<EkType> eks, Map<String, String> labels)
            throws InvalidRequestException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name must be 1 to 128 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        if (eks == null || eks.isEmpty()) {
            throw new InvalidRequestException("ek must name at least one of " + EnumSet.allOf(EkType.class));
        }
        if (labels.size() > MAX_LABELS) {
            throw new InvalidRequestException("at most " + MAX_LABELS + " labels, not " + labels.size());
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            if (label.getKey() == null || !LABEL_KEY.matcher(label.getKey()).matches()) {
                throw new InvalidRequestException("label keys must be 1 to 128 letters, digits, '.', '_', '/' or '-'");
            }
            if (label.getValue() == null || label.getValue().length() > MAX_LABEL_VALUE) {
                throw new InvalidRequestException("label '" + label.getKey() + "' needs a value of at most "
                        + MAX_LABEL_VALUE + " characters");
            }
        }
    }
}
