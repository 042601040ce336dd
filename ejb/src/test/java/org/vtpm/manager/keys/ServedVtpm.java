package org.vtpm.manager.keys;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.server.DirectoryStateStore;
import org.vtpm.tpm.server.EngineDevice;
import org.vtpm.tpm.server.ServerChannel;
import org.vtpm.tpm.server.ServerOptions;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.server.TpmSocketServer;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.types.Su;

/**
 * The project's engine as a vTPM, started (TPM2_Startup(CLEAR)) and served on adjacent loopback
 * ports with swtpm's socket protocol, as tpm2-tss's swtpm TCTI expects (data P, control P+1); the
 * test itself talks to it in-process.
 */
final class ServedVtpm implements AutoCloseable {

    private static final int BIND_ATTEMPTS = 20;

    private final DirectoryStateStore store;
    private final TpmPlatform platform;
    private final TpmSocketServer server;
    private final ExecutorService executor;
    final Tpm tpm;

    private ServedVtpm(DirectoryStateStore store, TpmPlatform platform, TpmSocketServer server,
            ExecutorService executor) {
        this.store = store;
        this.platform = platform;
        this.server = server;
        this.executor = executor;
        this.tpm = new Tpm(new TpmTransport() {
            @Override
            public byte[] transmit(byte[] command) {
                return platform.execute(command);
            }

            @Override
            public void close() {
            }
        });
    }

    static ServedVtpm start(Path stateDirectory) throws Exception {
        DirectoryStateStore store = DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE);
        ExecutorService executor = Executors.newCachedThreadPool();
        TpmPlatform platform = new TpmPlatform(new EngineDevice(new SecureRandom()), store);
        try {
            platform.init(true);
            for (int attempt = 1; ; attempt++) {
                int base = freePort();
                TpmSocketServer server = TpmSocketServer.swtpm(platform, loopback(base),
                        Optional.of(loopback(base + 1)), ServerOptions.defaults(), executor);
                try {
                    server.start();
                    ServedVtpm served = new ServedVtpm(store, platform, server, executor);
                    served.tpm.execute(new Startup(Su.CLEAR));
                    return served;
                } catch (IOException e) {
                    server.close();
                    if (attempt == BIND_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            platform.close();
            store.close();
            executor.shutdownNow();
            throw e;
        }
    }

    /** The TPM2TOOLS_TCTI that reaches this vTPM. */
    String tcti() {
        return "swtpm:host=127.0.0.1,port=" + server.port(ServerChannel.SWTPM_DATA);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() < 65000 ? socket.getLocalPort() : freePort();
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public void close() throws Exception {
        server.close();
        try {
            platform.close();
        } finally {
            store.close();
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
