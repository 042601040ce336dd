package org.vtpm.tpm.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/** How the socket transports fail, shown on the swtpm data channel against scripted peers. */
class SocketFailureTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(300), Duration.ofMillis(300));

    private static SwtpmSocketTransport client(int port) {
        return new SwtpmSocketTransport("127.0.0.1", port, SHORT, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    @Test
    void aPeerThatNeverAnswersTimesOut() throws Exception {
        try (ScriptedPeer silent = new ScriptedPeer((in, out) -> in.readFully(new byte[12]));
                SwtpmSocketTransport tpm = client(silent.port())) {
            long start = System.nanoTime();
            TransportTimeoutException e = assertThrows(TransportTimeoutException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 250 && millis < 5000, "waited " + millis + " ms");
            assertTrue(e.getMessage().contains("tcp:127.0.0.1:" + silent.port()), e.getMessage());
        }
    }

    @Test
    void aFullAcceptQueueGivesAConnectTimeout() throws Exception {
        // A listening socket that never accepts: once its queue is full, Linux drops further SYNs.
        try (ServerSocket deaf = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                TransportTimeoutException timeout = null;
                for (int i = 0; i < 8 && timeout == null; i++) {
                    try {
                        fillers.add(connectRaw(deaf.getLocalPort()));
                    } catch (IOException e) {
                        timeout = assertThrows(TransportTimeoutException.class,
                                () -> SocketLink.connect("127.0.0.1", deaf.getLocalPort(), SHORT));
                    }
                }
                assertTrue(timeout != null, "the accept queue never filled");
                assertTrue(timeout.getMessage().contains("127.0.0.1:" + deaf.getLocalPort()), timeout.getMessage());
            } finally {
                for (Socket socket : fillers) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (SwtpmSocketTransport tpm = client(port)) {
            EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().startsWith("tcp:127.0.0.1:" + port + ": "), e.getMessage());
        }
    }

    @Test
    void aMissingUnixSocketIsUnavailable(@TempDir Path dir) {
        Path socket = dir.resolve("missing.sock");
        EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class,
                () -> SocketLink.connect(UnixDomainSocketAddress.of(socket), SHORT));
        assertEquals("unix:" + socket, e.endpoint());
    }

    @Test
    void anUnresolvableHostIsUnavailable() {
        EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class,
                () -> SocketLink.connect("no-such-host.invalid", 2321, SHORT));
        assertEquals("tcp:no-such-host.invalid:2321", e.endpoint());
    }

    @Test
    void aPeerClosingMidResponseIsReported() throws Exception {
        try (ScriptedPeer halfway = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[12]);
            out.write(HEX.parseHex("8001000000140000"));
            out.flush();
            out.close();
        }); SwtpmSocketTransport tpm = client(halfway.port())) {
            PeerClosedException e = assertThrows(PeerClosedException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().contains("closed by peer"), e.getMessage());
        }
    }

    @Test
    void anOversizedResponseIsAProtocolErrorNotAnAllocation() throws Exception {
        try (ScriptedPeer huge = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[12]);
            out.write(HEX.parseHex("80017fffffff00000000"));
            out.flush();
        }); SwtpmSocketTransport tpm = client(huge.port())) {
            FramingException e = assertThrows(FramingException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().contains("2147483647"), e.getMessage());
        }
    }

    @Test
    void aResponseShorterThanItsHeaderIsRejected() throws Exception {
        try (ScriptedPeer tiny = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[12]);
            out.write(HEX.parseHex("80010000000400000000"));
            out.flush();
        }); SwtpmSocketTransport tpm = client(tiny.port())) {
            assertThrows(FramingException.class, () -> tpm.transmit(HandBuiltCommands.getRandom8()));
        }
    }

    @Test
    void theConnectionIsRebuiltAfterAFailure() throws Exception {
        byte[] answer = HEX.parseHex("80010000000a00000000");
        int[] connection = {0};
        try (ScriptedPeer flaky = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[12]);
            if (connection[0]++ == 0) {
                out.close();
                return;
            }
            out.write(answer);
            out.flush();
            in.readFully(new byte[12]);
            out.write(answer);
            out.flush();
        }); SwtpmSocketTransport tpm = client(flaky.port())) {
            assertThrows(PeerClosedException.class, () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertArrayEquals(answer, tpm.transmit(HandBuiltCommands.getRandom8()));
            assertArrayEquals(answer, tpm.transmit(HandBuiltCommands.getRandom8()));
        }
    }

    @Test
    void aCommandWhoseHeaderLiesIsNotSent() throws Exception {
        try (SwtpmSocketTransport tpm = client(1)) {
            assertThrows(FramingException.class, () -> tpm.transmit(HEX.parseHex("80010000000d0000017b0008")));
            assertThrows(FramingException.class, () -> tpm.transmit(HEX.parseHex("8001")));
        }
    }

    private static Socket connectRaw(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        return socket;
    }
}
