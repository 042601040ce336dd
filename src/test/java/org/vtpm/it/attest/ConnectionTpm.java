package org.vtpm.it.attest;

import java.io.IOException;

import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.tpm.transport.TpmTransport;

/** The library's client over a pooled connection, so tests drive vTPMs with typed commands. */
final class ConnectionTpm implements TpmTransport {

    private final TpmConnection connection;

    ConnectionTpm(TpmConnection connection) {
        this.connection = connection;
    }

    @Override
    public byte[] transmit(byte[] command) throws IOException {
        try {
            return connection.transmit(command);
        } catch (TpmResourceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // The test's try-with-resources on the connection returns it to the pool.
    }
}
