package org.vtpm.rar.outbound;

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

import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.GetCapability;
import org.vtpm.tpm.command.GetCapabilityResponse;
import org.vtpm.tpm.command.GetTestResult;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.HandleList;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.TpmLimits;

/**
 * One pooled connection to one TPM, over the TPM's shared {@link TpmChannel}. While a borrower
 * holds it, it holds the TPM's lease. A transport failure marks it broken and tells the pool to
 * drop it.
 */
final class TpmManagedConnection implements ManagedConnection {

    private static final Logger LOG = Logger.getLogger(TpmManagedConnection.class.getName());

    private final TpmManagedConnectionFactory factory;
    private final TpmChannel channel;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<TpmConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private boolean leased;
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    TpmManagedConnection(TpmManagedConnectionFactory factory, TpmChannel channel) {
        this.factory = factory;
        this.channel = channel;
    }

    TpmTarget target() {
        return channel.target();
    }

    String backendDescription() throws ResourceException {
        return factory.backendDescription();
    }

    boolean isUsable() {
        return !broken && !destroyed && !channel.failed();
    }

    /** Hands out a handle once this connection holds its TPM's lease (see {@link TpmChannel}). */
    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        ensureUsable();
        synchronized (this) {
            if (!leased) {
                channel.acquireLease(factory.leaseTimeout());
                leased = true;
            }
        }
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

    byte[] transmit(byte[] command) throws TpmResourceException {
        ensureUsable();
        try {
            return channel.transmit(command);
        } catch (TpmUnavailableException e) {
            throw broken(e);
        }
    }

    <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions) throws TpmResourceException {
        ensureUsable();
        try {
            return channel.execute(command, sessions);
        } catch (TpmUnavailableException e) {
            throw broken(e);
        }
    }

    private TpmUnavailableException broken(TpmUnavailableException cause) {
        broken = true;
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
        return cause;
    }

    /** For background validation: a cheap command that any live TPM answers. */
    boolean probe() {
        if (!isUsable()) {
            return false;
        }
        try {
            channel.execute(new GetTestResult());
            return true;
        } catch (TpmResourceException e) {
            LOG.log(Level.FINE, "validation of " + target() + " failed", e);
            broken = true;
            return false;
        }
    }

    /**
     * Flushes every transient object and session on the TPM, so the next borrower starts clean.
     * The lease makes this borrower the TPM's only user, and a connection definition owns its TPMs
     * (a vTPM, a dedicated swtpm, or a resource-managed device), so nothing of another's is lost.
     */
    private void flushLeftovers() throws TpmResourceException {
        for (int first : new int[] {Hc.TRANSIENT_FIRST, Hc.LOADED_SESSION_FIRST, Hc.POLICY_SESSION_FIRST}) {
            for (Handle handle : loadedHandles(first)) {
                execute(new FlushContext(handle));
            }
        }
    }

    private List<Handle> loadedHandles(int first) throws TpmResourceException {
        Ht type = new Handle(first).type();
        List<Handle> loaded = new ArrayList<>();
        int next = first;
        boolean more = true;
        while (more) {
            GetCapabilityResponse response = execute(new GetCapability(Cap.HANDLES, next, TpmLimits.MAX_CAP_HANDLES));
            List<Handle> page = ((HandleList) response.capabilityData().data()).handles().stream()
                    .filter(handle -> handle.type().equals(type))
                    .toList();
            loaded.addAll(page);
            more = response.moreData() && !page.isEmpty();
            if (more) {
                next = page.get(page.size() - 1).value() + 1;
            }
        }
        return loaded;
    }

    void handleClosed(TpmConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    private void ensureUsable() throws TpmResourceException {
        if (destroyed) {
            throw new TpmResourceException("connection to " + target() + " is destroyed");
        }
        if (broken || channel.failed()) {
            throw new TpmResourceException("connection to " + target() + " is broken");
        }
    }

    /** Back to the pool: invalidate handles, flush the borrower's leftovers, give the TPM back. */
    @Override
    public void cleanup() throws ResourceException {
        invalidateHandles();
        try {
            if (isUsable()) {
                flushLeftovers();
            }
        } finally {
            releaseLease();
        }
    }

    @Override
    public void destroy() {
        destroyed = true;
        invalidateHandles();
        releaseLease();
        factory.connectionDestroyed(channel);
    }

    private void invalidateHandles() {
        for (TpmConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    private synchronized void releaseLease() {
        if (leased) {
            leased = false;
            channel.releaseLease();
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
