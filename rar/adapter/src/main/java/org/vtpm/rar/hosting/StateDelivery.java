package org.vtpm.rar.hosting;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;

import org.vtpm.rar.api.VtpmStateListener;

/**
 * Hands state changes to the application's active {@link VtpmStateListener} endpoints, on the
 * calling thread, so the change is stored before the command that made it is answered.
 */
public final class StateDelivery {

    private final Set<MessageEndpointFactory> factories = new CopyOnWriteArraySet<>();

    public void activate(MessageEndpointFactory factory) {
        factories.add(factory);
    }

    public void deactivate(MessageEndpointFactory factory) {
        factories.remove(factory);
    }

    /** Delivers to one endpoint; fails when none is active, since an undelivered change would be lost. */
    void deliver(String vtpmId, VtpmStateListener.Part part, long generation, byte[] state) throws IOException {
        MessageEndpointFactory factory = factories.stream().findFirst()
                .orElseThrow(() -> new IOException("no VtpmStateListener is active: the state of vTPM " + vtpmId
                        + " cannot be stored"));
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            throw new IOException("the VtpmStateListener is unavailable: " + e.getMessage(), e);
        }
        try {
            ((VtpmStateListener) endpoint).stateChanged(vtpmId, part, generation, state);
        } catch (RuntimeException e) {
            throw new IOException("the VtpmStateListener refused state " + part + " #" + generation + " of vTPM "
                    + vtpmId + ": " + e.getMessage(), e);
        } finally {
            endpoint.release();
        }
    }
}
