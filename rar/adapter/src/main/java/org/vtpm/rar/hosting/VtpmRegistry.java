package org.vtpm.rar.hosting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.VtpmEndpoint;
import org.vtpm.rar.api.VtpmState;
import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.server.ServerChannel;
import org.vtpm.tpm.server.ServerOptions;
import org.vtpm.tpm.server.TpmDevice;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.server.TpmSocketServer;

/** The vTPMs running in this adapter, by id. One per id: a vTPM identity never runs twice here. */
public final class VtpmRegistry {

    private static final Logger LOG = Logger.getLogger(VtpmRegistry.class.getName());

    private static final int PORT_ATTEMPTS = 10;

    private final Map<String, HostedVtpm> running = new ConcurrentHashMap<>();
    /** Ids starting or running, so a second start of the same id fails at once. */
    private final Set<String> reserved = ConcurrentHashMap.newKeySet();
    private final StateDelivery delivery;
    private final DeviceFactory devices;
    private final InetAddress exposeAddress;
    private final PortRange exposePorts;
    private final Executor executor;

    public VtpmRegistry(StateDelivery delivery, DeviceFactory devices, InetAddress exposeAddress, PortRange exposePorts,
                        Executor executor) {
        this.delivery = delivery;
        this.devices = devices;
        this.exposeAddress = exposeAddress;
        this.exposePorts = exposePorts;
        this.executor = executor;
    }

    void start(String vtpmId, VtpmState state) throws TpmResourceException {
        if (!reserved.add(vtpmId)) {
            throw new TpmResourceException("vTPM " + vtpmId + " is already running");
        }
        HostedVtpm vtpm = null;
        try {
            TpmDevice device = devices.create();
            vtpm = new HostedVtpm(vtpmId, device, new ListenerStateStore(vtpmId, state, delivery));
            vtpm.powerOn();
            running.put(vtpmId, vtpm);
            LOG.info("started vTPM " + vtpmId);
        } catch (IOException | PlatformException | RuntimeException e) {
            reserved.remove(vtpmId);
            if (vtpm != null) {
                vtpm.release();
            }
            throw new TpmResourceException("cannot start vTPM " + vtpmId + ": " + e.getMessage(), e);
        }
    }

    VtpmState stop(String vtpmId, boolean keepVolatile) throws TpmResourceException {
        HostedVtpm vtpm = require(vtpmId);
        try {
            VtpmState last = vtpm.shutDown(keepVolatile);
            LOG.info((keepVolatile ? "suspended" : "stopped") + " vTPM " + vtpmId);
            return last;
        } catch (PlatformException e) {
            throw new TpmResourceException("cannot stop vTPM " + vtpmId + " orderly: " + e.getMessage(), e);
        } finally {
            running.remove(vtpmId, vtpm);
            reserved.remove(vtpmId);
        }
    }

    VtpmEndpoint expose(String vtpmId, VtpmEndpoint.Protocol protocol) throws TpmResourceException {
        HostedVtpm vtpm = require(vtpmId);
        Optional<VtpmEndpoint> existing = vtpm.endpoint();
        if (existing.isPresent()) {
            return existing.get();
        }
        TpmSocketServer server = null;
        IOException lastFailure = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS && server == null; attempt++) {
            try {
                server = listen(vtpm, protocol, exposePorts.freePair(exposeAddress));
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        if (server == null) {
            throw new TpmResourceException("cannot expose vTPM " + vtpmId + ": " + lastFailure.getMessage(),
                    lastFailure);
        }
        VtpmEndpoint endpoint = protocol == VtpmEndpoint.Protocol.SWTPM
                ? new VtpmEndpoint(protocol, exposeAddress.getHostAddress(), server.port(ServerChannel.SWTPM_DATA),
                        server.port(ServerChannel.SWTPM_CONTROL))
                : new VtpmEndpoint(protocol, exposeAddress.getHostAddress(), server.port(ServerChannel.MSSIM_COMMAND),
                        server.port(ServerChannel.MSSIM_PLATFORM));
        vtpm.expose(server, endpoint);
        return endpoint;
    }

    /**
     * Clients find the second channel right after the first (tpm2-tss's swtpm and mssim TCTIs
     * take one port and add one), so both listen on adjacent ports.
     */
    private TpmSocketServer listen(HostedVtpm vtpm, VtpmEndpoint.Protocol protocol, int firstPort) throws IOException {
        InetSocketAddress first = new InetSocketAddress(exposeAddress, firstPort);
        InetSocketAddress second = new InetSocketAddress(exposeAddress, firstPort + 1);
        TpmSocketServer server = protocol == VtpmEndpoint.Protocol.SWTPM
                ? TpmSocketServer.swtpm(vtpm.platform(), first, Optional.of(second), ServerOptions.defaults(), executor)
                : TpmSocketServer.mssim(vtpm.platform(), first, second, Optional.empty(), ServerOptions.defaults(),
                        executor);
        server.start();
        return server;
    }

    Optional<VtpmEndpoint> endpoint(String vtpmId) {
        HostedVtpm vtpm = running.get(vtpmId);
        return vtpm == null ? Optional.empty() : vtpm.endpoint();
    }

    boolean isRunning(String vtpmId) {
        return running.containsKey(vtpmId);
    }

    Set<String> running() {
        return Set.copyOf(running.keySet());
    }

    /** The platform of a running vTPM, for the virtual connection definition. */
    public TpmPlatform platform(String vtpmId) throws TpmResourceException {
        return require(vtpmId).platform();
    }

    /**
     * Write-behind of volatile state (PCRs, loaded objects, sessions): each running vTPM's volatile
     * state goes to the listener when it changed since the last delivery, so a crash of this
     * server loses at most one period of it. Permanent state never waits for this.
     */
    public void writeBehindVolatile() {
        for (HostedVtpm vtpm : running.values()) {
            try {
                if (vtpm.platform().isRunning()) {
                    vtpm.platform().storeVolatile();
                }
            } catch (PlatformException e) {
                LOG.log(Level.WARNING, "volatile state of " + vtpm + " not delivered: " + e.getMessage());
            }
        }
    }

    /** Adapter shutdown: every vTPM stops orderly, its permanent state delivered first. */
    public void stopAll() {
        for (String vtpmId : running()) {
            try {
                stop(vtpmId, false);
            } catch (TpmResourceException e) {
                LOG.log(Level.WARNING, "vTPM " + vtpmId + " did not stop orderly", e);
            }
        }
    }

    private HostedVtpm require(String vtpmId) throws TpmResourceException {
        HostedVtpm vtpm = running.get(vtpmId);
        if (vtpm == null) {
            throw new TpmResourceException("vTPM " + vtpmId + " is not running");
        }
        return vtpm;
    }
}
