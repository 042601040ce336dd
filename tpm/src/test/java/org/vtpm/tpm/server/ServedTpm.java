package org.vtpm.tpm.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.vtpm.tpm.transport.swtpm.SwtpmOptions;

/**
 * A real TPM (libtpms in a swtpm process, through {@link SwtpmDevice}) behind a platform with its
 * state in {@code stateDirectory}, served on free loopback ports.
 */
final class ServedTpm implements AutoCloseable {

    final SwtpmDevice device;
    final DirectoryStateStore store;
    final TpmPlatform platform;
    final TpmSocketServer server;
    private final ExecutorService executor;

    private ServedTpm(SwtpmDevice device, DirectoryStateStore store, TpmPlatform platform, TpmSocketServer server,
            ExecutorService executor) {
        this.device = device;
        this.store = store;
        this.platform = platform;
        this.server = server;
        this.executor = executor;
    }

    enum Protocol { SWTPM, MSSIM }

    static ServedTpm start(Path stateDirectory, Protocol protocol, ServerOptions options) throws Exception {
        InetSocketAddress any = new InetSocketAddress("127.0.0.1", 0);
        SwtpmDevice device = SwtpmDevice.launch(SwtpmOptions.defaults());
        DirectoryStateStore store = null;
        ExecutorService executor = Executors.newCachedThreadPool();
        try {
            store = DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE);
            TpmPlatform platform = new TpmPlatform(device, store, 8192);
            TpmSocketServer server = protocol == Protocol.SWTPM
                    ? TpmSocketServer.swtpm(platform, any, Optional.of(any), options, executor)
                    : TpmSocketServer.mssim(platform, any, any, Optional.of(any), options, executor);
            server.start();
            return new ServedTpm(device, store, platform, server, executor);
        } catch (Exception e) {
            device.close();
            if (store != null) {
                store.close();
            }
            executor.shutdownNow();
            throw e;
        }
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
            device.close();
            store.close();
            executor.shutdownNow();
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
