package org.vtpm.rar.outbound;

import java.io.IOException;
import java.io.PrintWriter;
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

import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.transport.TpmTransport;

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
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<TpmConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    TpmManagedConnection(TpmManagedConnectionFactory factory, TpmTarget target, TpmTransport transport) {
        this.factory = factory;
        this.target = target;
        this.transport = transport;
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

    /** Runs one command; serialized because a TPM processes one command at a time. */
    synchronized byte[] transmit(byte[] command) throws TpmUnavailableException {
        try {
            ensureUsable();
            return transport.transmit(command);
        } catch (IOException | ResourceException e) {
            broken = true;
            fireError(e);
            throw new TpmUnavailableException(target + " did not answer: " + e.getMessage(), e);
        }
    }

    /** For background validation: a cheap command that any live TPM answers. */
    synchronized boolean probe() {
        if (!isUsable()) {
            return false;
        }
        try {
            byte[] response = transport.transmit(RawCommands.GET_TEST_RESULT);
            return response.length >= RawCommands.RESPONSE_HEADER_SIZE;
        } catch (IOException e) {
            LOG.log(Level.FINE, "validation of " + target + " failed", e);
            broken = true;
            return false;
        }
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

    private void ensureUsable() throws ResourceException {
        if (destroyed) {
            throw new IllegalStateException("connection to " + target + " is destroyed");
        }
        if (broken) {
            throw new IllegalStateException("connection to " + target + " is broken");
        }
    }

    @Override
    public void cleanup() {
        for (TpmConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        destroyed = true;
        cleanup();
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
