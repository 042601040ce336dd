package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vtpm.rar.api.TpmConnection;
import org.vtpm.rar.api.TpmResourceException;
import org.vtpm.rar.api.TpmTarget;
import org.vtpm.rar.api.TpmUnavailableException;
import org.vtpm.tpm.client.Session;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.GetRandom;
import org.vtpm.tpm.command.TpmCommand;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

class ConnectionTransportTest {

    @Test
    void runsTheKeyProtectionCommandsOverAPooledConnection() throws Exception {
        try (PhysicalTpm host = PhysicalTpm.start()) {
            RelayingConnection connection = new RelayingConnection(host.transport);
            Tpm tpm = new Tpm(new ConnectionTransport(connection));
            Kek kek = ManagerKek.unseal(tpm, ManagerKek.seal(tpm, Optional.empty()));
            kek.unwrap(kek.wrap(DataKey.generate(), "vtpm-1"), "vtpm-1");
            tpm.close();
            assertFalse(connection.closed, "the borrower, not the transport, closes the connection");
            assertEquals(16, host.tpm.execute(new GetRandom(16)).randomBytes().size());
            assertEquals(0, host.loaded().size());
        }
    }

    @Test
    void aConnectionFailureIsAnIoExceptionNamingTheTarget() {
        TpmTransport unreachable = new TpmTransport() {
            @Override
            public byte[] transmit(byte[] command) throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        };
        TpmTransportException e = assertThrows(TpmTransportException.class,
                () -> new Tpm(new ConnectionTransport(new RelayingConnection(unreachable))).execute(new GetRandom(8)));
        assertEquals("physical:default", e.endpoint());
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
        assertInstanceOf(TpmUnavailableException.class, e.getCause());
    }

    /** A pooled connection as the resource adapter lends it, relaying raw commands to a TPM. */
    private static final class RelayingConnection implements TpmConnection {
        private final TpmTransport relay;
        private boolean closed;

        RelayingConnection(TpmTransport relay) {
            this.relay = relay;
        }

        @Override
        public TpmTarget target() {
            return TpmTarget.defaultPhysical();
        }

        @Override
        public String backendDescription() {
            return "swtpm standing in for a physical TPM";
        }

        @Override
        public <R extends TpmResponse> R execute(TpmCommand<R> command, Session... sessions) {
            throw new UnsupportedOperationException("ConnectionTransport relays raw commands only");
        }

        @Override
        public byte[] transmit(byte[] command) throws TpmResourceException {
            try {
                return relay.transmit(command);
            } catch (IOException e) {
                throw new TpmUnavailableException(target() + " did not answer", e);
            }
        }

        @Override
        public byte[] getRandom(int count) {
            throw new UnsupportedOperationException("ConnectionTransport relays raw commands only");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
