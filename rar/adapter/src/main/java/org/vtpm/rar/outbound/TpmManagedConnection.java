package org.vtpm.rar.outbound;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.IllegalStateException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import org.vtpm.rar.api.TpmCommandException;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.command.GetTestResult;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmException;

/**
 * One physical connection to one TPM, pooled by the container. Commands from its handles are
 * serialized here, since a TPM runs one command at a time. A transport failure marks the
 * connection broken and tells the pool to drop it.
 */
final class TpmManagedConnection implements ManagedConnection {

    private static final Logger LOG = Logger.getLogger(TpmManagedConnection.class.getName());

    private final TpmManagedConnectionFactory factory;
    private final TpmTarget target;
    private final TpmTransport transport;
    private final Tpm tpm;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<TpmConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    TpmManagedConnection(TpmManagedConnectionFactory factory, TpmTarget target, TpmTransport transport) {
        this.factory = factory;
        this.target = target;
        this.transport = transport;
        this.tpm = new Tpm(transport);
    }

    TpmTarget target() {
        return target;
    }

    String backendDescription() throws ResourceException {
        return factory.backendDescription();
    }

    boolean isUsable() {
        return !broken && !destroyed;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        ensureUsable();
        TpmConnectionHandle handle = new TpmConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof TpmConnectionHandle handle)) {
            throw new IllegalStateException("not a TPM connection handle: " + connection);
        }
        handle.associate(this);
        handles.add(handle);
    }

    void dissociate(TpmConnectionHandle handle) {
        handles.remove(handle);
    }

    /** Relays one marshalled command; serialized because a TPM processes one command at a time. */
    synchronized byte[] transmit(byte[] command) throws TpmResourceException {
        ensureUsable();
        try {
            return transport.transmit(command);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    synchronized <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions)
            throws TpmResourceException {
        ensureUsable();
        try {
            return tpm.execute(command, sessions);
        } catch (org.vtpm.tpm.client.TpmCommandException e) {
            throw new TpmCommandException(e.code().toString(), e.rc());
        } catch (TpmException e) {
            // A response we cannot parse means the stream is no longer trustworthy.
            throw unavailable(e);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    private TpmUnavailableException unavailable(Exception cause) {
        broken = true;
        fireError(cause);
        return new TpmUnavailableException(target + " did not answer properly: " + cause.getMessage(), cause);
    }

    /** For background validation: a cheap command that any live TPM answers. */
    synchronized boolean probe() {
        if (!isUsable()) {
            return false;
        }
        try {
            tpm.execute(new GetTestResult());
            return true;
        } catch (TpmException | IOException e) {
            LOG.log(Level.FINE, "validation of " + target + " failed", e);
            broken = true;
            return false;
        }
    }

    /**
     * Flushes every transient object and session on the TPM, so the next borrower starts clean.
     * A connection definition owns its TPM (a vTPM, a dedicated swtpm, or a resource-managed
     * device whose handles are per connection), so nothing of another user's is flushed.
     */
    private synchronized void flushLeftovers() throws TpmResourceException {
        for (int first : new int[] {Hc.TRANSIENT_FIRST, Hc.LOADED_SESSION_FIRST, Hc.POLICY_SESSION_FIRST}) {
            for (Handle handle : loadedHandles(first)) {
                execute(new FlushContext(handle));
            }
        }
    }

    private List<Handle> loadedHandles(int first) throws TpmResourceException {
        List<Handle> handles = new ArrayList<>();
        int next = first;
        boolean more = true;
        while (more) {
            GetCapabilityResponse response = execute(new GetCapability(Cap.HANDLES, next, TpmLimits.MAX_CAP_HANDLES));
            List<Handle> page = ((HandleList) response.capabilityData().data()).handles().stream()
                    .filter(handle -> handle.type().equals(new Handle(first).type()))
                    .toList();
            handles.addAll(page);
            more = response.moreData() && !page.isEmpty();
            if (more) {
                next = page.get(page.size() - 1).value() + 1;
            }
        }
        return handles;
    }

    void handleClosed(TpmConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    private void fireError(Exception cause) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
    }

    private void ensureUsable() throws TpmResourceException {
        if (destroyed) {
            throw new TpmResourceException("connection to " + target + " is destroyed");
        }
        if (broken) {
            throw new TpmResourceException("connection to " + target + " is broken");
        }
    }

    @Override
    public void cleanup() throws ResourceException {
        for (TpmConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        if (isUsable()) {
            flushLeftovers();
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        for (TpmConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        try {
            transport.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the transport to " + target + " failed", e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("TPM commands are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("TPM commands are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        return new TpmManagedConnectionMetaData(factory.backendDescription(), null);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
