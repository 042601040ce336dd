package org.vtpm.rar.outbound;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;

/** What a borrower holds: a handle on a pooled managed connection, unusable after close. */
public final class TpmConnectionHandle implements TpmConnection {

    private volatile TpmManagedConnection managed;

    TpmConnectionHandle(TpmManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public TpmTarget target() {
        return current().target();
    }

    @Override
    public String backendDescription() throws TpmResourceException {
        try {
            return current().backendDescription();
        } catch (TpmResourceException e) {
            throw e;
        } catch (jakarta.resource.ResourceException e) {
            throw new TpmResourceException(e.getMessage(), e);
        }
    }

    @Override
    public byte[] transmit(byte[] command) throws TpmResourceException {
        return current().transmit(command);
    }

    @Override
    public <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions) throws TpmResourceException {
        return current().execute(command, sessions);
    }

    @Override
    public byte[] getRandom(int count) throws TpmResourceException {
        return execute(new GetRandom(count)).randomBytes().buffer();
    }

    @Override
    public void close() {
        TpmManagedConnection current = managed;
        if (current != null) {
            managed = null;
            current.handleClosed(this);
        }
    }

    void associate(TpmManagedConnection newManaged) {
        TpmManagedConnection old = managed;
        if (old != null && old != newManaged) {
            old.dissociate(this);
        }
        managed = newManaged;
    }

    void invalidate() {
        managed = null;
    }

    private TpmManagedConnection current() {
        TpmManagedConnection current = managed;
        if (current == null) {
            throw new java.lang.IllegalStateException("this TPM connection is closed");
        }
        return current;
    }
}
