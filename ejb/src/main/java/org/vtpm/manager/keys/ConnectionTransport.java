package org.vtpm.manager.keys;

import java.io.IOException;
import java.util.Objects;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * A {@link TpmTransport} over a connection borrowed from the resource adapter's pool, so that
 * {@code new Tpm(new ConnectionTransport(connection))} runs this package's typed commands, and
 * their sessions, on a pooled TPM.
 */
public final class ConnectionTransport implements TpmTransport {

    private final TpmConnection connection;

    public ConnectionTransport(TpmConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public byte[] transmit(byte[] command) throws IOException {
        try {
            return connection.transmit(command);
        } catch (TpmResourceException e) {
            throw new TpmTransportException(connection.target().toString(), e.getMessage(), e);
        }
    }

    /**
     * Leaves the connection open: it belongs to its borrower, whose own close returns it to the
     * pool (and flushes what was left loaded).
     */
    @Override
    public void close() {
        // The borrower's try-with-resources on the TpmConnection ends it.
    }

    @Override
    public String toString() {
        return "ConnectionTransport[" + connection.target() + "]";
    }
}
