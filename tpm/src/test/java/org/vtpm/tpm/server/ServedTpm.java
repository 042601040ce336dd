package org.vtpm.tpm.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.vtpm.tpm.transport.swtpm.SwtpmOptions;

/**
 * A real TPM (libtpms in a swtpm process through {@link SwtpmDevice}, or the Java engine) behind a
 * platform with its state in {@code stateDirectory}, served on free loopback ports.
 */
final class ServedTpm implements AutoCloseable {

    final DirectoryStateStore store;
    final TpmPlatform platform;
    final TpmSocketServer server;
    private final ExecutorService executor;
    private final AutoCloseable backendProcess;

    private ServedTpm(AutoCloseable backendProcess, DirectoryStateStore store, TpmPlatform platform,
            TpmSocketServer server, ExecutorService executor) {
        this.backendProcess = backendProcess;
        this.store = store;
        this.platform = platform;
        this.server = server;
        this.executor = executor;
    }

    enum Protocol { SWTPM, MSSIM }

    enum Backend { LIBTPMS, ENGINE }

    /**
     * Serves on adjacent ports, as tpm2-tss's TCTIs expect: swtpm data P and control P+1; mssim
     * command P, platform P+1 and swtpm control P+2. A port taken in the meantime means another try.
     */
    static ServedTpm start(Path stateDirectory, Protocol protocol, ServerOptions options) throws Exception {
        return start(stateDirectory, protocol, options, Backend.LIBTPMS);
    }

    static ServedTpm start(Path stateDirectory, Protocol protocol, ServerOptions options, Backend backend)
            throws Exception {
        SwtpmDevice swtpm = backend == Backend.LIBTPMS ? SwtpmDevice.launch(SwtpmOptions.defaults()) : null;
        TpmDevice device = swtpm != null ? swtpm : new EngineDevice(new SecureRandom());
        DirectoryStateStore store = null;
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            store = DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE);
            TpmPlatform platform = new TpmPlatform(device, store, 8192);
            for (int attempt = 1; ; attempt++) {
                int base = freePort();
                TpmSocketServer server = protocol == Protocol.SWTPM
                        ? TpmSocketServer.swtpm(platform, loopback(base), Optional.of(loopback(base + 1)), options,
                                executor)
                        : TpmSocketServer.mssim(platform, loopback(base), loopback(base + 1),
                                Optional.of(loopback(base + 2)), options, executor);
                try {
                    server.start();
                    return new ServedTpm(swtpm, store, platform, server, executor);
                } catch (IOException e) {
                    if (attempt == 20) {
                        throw e;
                    }
                }
            }
        } catch (Exception e) {
            if (swtpm != null) {
                swtpm.close();
            }
            if (store != null) {
                store.close();
            }
            executor.shutdownNow();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() < 65000 ? socket.getLocalPort() : freePort();
        }
    }

    private static InetSocketAddress loopback(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    static ServedTpm start(Path stateDirectory) throws Exception {
        return start(stateDirectory, Protocol.SWTPM, ServerOptions.defaults());
    }

    int port(ServerChannel channel) {
        return server.port(channel);
    }

    @Override
    public void close() throws Exception {
        server.close();
        try {
            platform.close();
        } finally {
            if (backendProcess != null) {
                backendProcess.close();
            }
            store.close();
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
