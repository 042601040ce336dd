package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.testing.Tpm2Tools;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/** swtpm's {@code type=unixio}: both channels on Unix domain sockets, as tpm2-tss's {@code swtpm:path=} expects. */
class UnixSocketTest {

    private static final Duration MESSAGE_TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path directory;

    private ExecutorService executor;
    private TpmPlatform platform;
    private DirectoryStateStore store;

    @BeforeEach
    void platform() throws Exception {
        executor = Executors.newCachedThreadPool();
        store = DirectoryStateStore.open(directory.resolve("state"), DirectoryStateStore.DEFAULT_MODE);
        platform = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
    }

    @AfterEach
    void stop() throws Exception {
        platform.close();
        store.close();
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void clientsAndToolsUseBothChannels() throws Exception {
        Path data = directory.resolve("tpm.sock");
        Path control = directory.resolve("tpm.sock.ctrl");
        try (TpmSocketServer server = start(data, control)) {
            new SwtpmControlChannel(UnixDomainSocketAddress.of(control), Timeouts.DEFAULT, 1 << 20).init(false);
            try (SwtpmSocketTransport tpm = new SwtpmSocketTransport(UnixDomainSocketAddress.of(data),
                    Timeouts.DEFAULT, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE)) {
                assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.startupClear())));
                assertEquals(20, tpm.transmit(HandBuiltCommands.getRandom8()).length);
            }
            if (Files.isExecutable(Path.of("/usr/bin/tpm2_getrandom"))) {
                assertEquals(16, tool("swtpm:path=" + data, "tpm2_getrandom", "--hex", "8").strip().length());
            }
        }
        assertFalse(Files.exists(data), "closing removes the socket files");
        assertFalse(Files.exists(control));
    }

    @Test
    void aPeerStallingMidMessageIsDisconnectedAndIdlePeersAreNot() throws Exception {
        Path data = directory.resolve("tpm.sock");
        platform.init(false);
        try (TpmSocketServer server = start(data, directory.resolve("tpm.sock.ctrl"));
                SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(data));
                SocketChannel stalled = SocketChannel.open(UnixDomainSocketAddress.of(data))) {
            stalled.write(ByteBuffer.wrap(new byte[] {(byte) 0x80, 0x01, 0, 0}));
            Thread.sleep(MESSAGE_TIMEOUT.toMillis() * 3);
            assertEquals(-1, stalled.read(ByteBuffer.allocate(16)), "the stalled peer was disconnected");

            idle.write(ByteBuffer.wrap(HandBuiltCommands.startupClear()));
            assertEquals(0, HandBuiltCommands.responseCode(readFully(idle, 10)));
        }
    }

    @Test
    void aStaleSocketFileIsReplacedButALiveOneOrAPlainFileIsNot() throws Exception {
        Path data = directory.resolve("tpm.sock");
        Path control = directory.resolve("tpm.sock.ctrl");
        try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(data));
        }
        assertTrue(Files.exists(data), "a server that died leaves its socket file");
        try (TpmSocketServer server = start(data, control)) {
            IOException live = assertThrows(IOException.class, () -> start(data, directory.resolve("other.ctrl")));
            assertTrue(live.getMessage().contains("another server listens"), live.getMessage());
        }
        Path plain = directory.resolve("plain");
        Files.writeString(plain, "not a socket");
        IOException notSocket = assertThrows(IOException.class, () -> start(plain, control));
        assertTrue(notSocket.getMessage().contains("is not a socket"), notSocket.getMessage());
        assertEquals("not a socket", Files.readString(plain));
    }

    private static byte[] readFully(SocketChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the server closed the connection");
            }
        }
        return buffer.array();
    }

    private TpmSocketServer start(Path data, Path control) throws IOException {
        TpmSocketServer server = TpmSocketServer.swtpm(platform, UnixDomainSocketAddress.of(data),
                Optional.of(UnixDomainSocketAddress.of(control)),
                ServerOptions.defaults().withMessageTimeout(MESSAGE_TIMEOUT), executor);
        server.start();
        return server;
    }

    private String tool(String tcti, String... command) throws Exception {
        return Tpm2Tools.run(tcti, command);
    }
}
