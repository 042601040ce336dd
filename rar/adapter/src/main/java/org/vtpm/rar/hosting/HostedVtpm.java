package org.vtpm.rar.hosting;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.vtpm.rar.api.VtpmEndpoint;
import org.vtpm.rar.api.VtpmState;
import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.server.TpmDevice;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.server.TpmSocketServer;

/** One running vTPM: its device, the platform around it, its store, and its front end if exposed. */
final class HostedVtpm {

    private static final Logger LOG = Logger.getLogger(HostedVtpm.class.getName());

    private final String id;
    private final TpmDevice device;
    private final ListenerStateStore store;
    private final TpmPlatform platform;
    private TpmSocketServer frontEnd;
    private VtpmEndpoint endpoint;

    HostedVtpm(String id, TpmDevice device, ListenerStateStore store) {
        this.id = id;
        this.device = device;
        this.store = store;
        this.platform = new TpmPlatform(device, store);
    }

    String id() {
        return id;
    }

    TpmPlatform platform() {
        return platform;
    }

    /** Powers on from the store; a new TPM is started (TPM2_Startup) by its first user, as hardware is. */
    void powerOn() throws PlatformException {
        platform.init(true);
    }

    synchronized void expose(TpmSocketServer server, VtpmEndpoint where) {
        this.frontEnd = server;
        this.endpoint = where;
    }

    synchronized Optional<VtpmEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /** Stops orderly; with {@code keepVolatile} the volatile state goes to the store first. */
    VtpmState shutDown(boolean keepVolatile) throws PlatformException {
        closeFrontEnd();
        if (keepVolatile && platform.isRunning()) {
            platform.storeVolatile();
        }
        platform.stop();
        VtpmState last = store.snapshot();
        release();
        return keepVolatile ? last : VtpmState.of(last.permanent());
    }

    /** Releases everything without saving: for failures and adapter shutdown after a stop. */
    void release() {
        closeFrontEnd();
        if (device instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "cannot release the device of vTPM " + id, e);
            }
        }
    }

    private synchronized void closeFrontEnd() {
        if (frontEnd != null) {
            frontEnd.close();
            frontEnd = null;
            endpoint = null;
        }
    }

    @Override
    public String toString() {
        return "vTPM " + id;
    }
}
