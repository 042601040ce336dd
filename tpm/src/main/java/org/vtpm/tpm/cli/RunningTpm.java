package org.vtpm.tpm.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.server.DirectoryStateStore;
import org.vtpm.tpm.server.EngineDevice;
import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.server.ServerOptions;
import org.vtpm.tpm.server.SwtpmDevice;
import org.vtpm.tpm.server.TpmDevice;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.server.TpmSocketServer;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmException;

/**
 * Everything {@code vtpm socket} runs, built from its options and torn down in reverse: the state
 * store, the TPM device, the platform, the server and the pid file.
 */
final class RunningTpm implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningTpm.class.getName());

    /** Largest buffer size {@code CMD_SET_BUFFERSIZE} may ask for. */
    private static final int MAX_BUFFER_SIZE = 8192;

    private final SocketOptions options;
    private final ExecutorService executor;
    private DirectoryStateStore store;
    private TpmDevice device;
    private AutoCloseable backendProcess;
    private TpmPlatform platform;
    private TpmSocketServer server;
    private boolean pidFileWritten;
    private boolean closed;

    private RunningTpm(SocketOptions options) {
        this.options = options;
        this.executor = Executors.newCachedThreadPool(new ServerThreads());
    }

    /** Opens the state, starts the TPM and listens; on failure, whatever was started is stopped. */
    static RunningTpm start(SocketOptions options) throws IOException, PlatformException, TpmException {
        RunningTpm running = new RunningTpm(options);
        try {
            running.startAll();
            return running;
        } catch (IOException | PlatformException | TpmException | RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private void startAll() throws IOException, PlatformException, TpmException {
        store = DirectoryStateStore.open(options.stateDirectory(), options.stateMode());
        if (options.backend() == SocketOptions.Backend.SWTPM) {
            SwtpmDevice swtpm = SwtpmDevice.launch(SwtpmOptions.defaults().withExecutable(options.swtpmPath()));
            backendProcess = swtpm;
            device = swtpm;
        } else {
            device = new EngineDevice(new SecureRandom());
        }
        platform = new TpmPlatform(device, store, MAX_BUFFER_SIZE);
        if (options.notNeedInit() || options.startup().isPresent()) {
            platform.init(false);
        }
        if (options.startup().isPresent()) {
            Su type = options.startup().get() == SocketOptions.StartupType.CLEAR ? Su.CLEAR : Su.STATE;
            try (Tpm tpm = new Tpm(new InProcessTransport(platform::execute, "vtpm socket"))) {
                tpm.execute(new Startup(type));
            }
        }
        server = createServer();
        server.start();
        LOG.log(System.Logger.Level.INFO, "serving the TPM in {0} ({1} protocol) on {2}{3}", options.stateDirectory(),
                options.protocol(), options.server(),
                options.control().map(address -> ", control on " + address).orElse(""));
        if (options.pidFile().isPresent()) {
            PidFile.write(options.pidFile().get(), ProcessHandle.current().pid());
            pidFileWritten = true;
        }
    }

    private TpmSocketServer createServer() {
        ServerOptions serverOptions = ServerOptions.defaults().withDisconnectAfterResponse(options.disconnect())
                .withTerminateAfterDataConnection(options.terminate());
        if (options.protocol() == SocketOptions.Protocol.MSSIM) {
            InetSocketAddress command = (InetSocketAddress) options.server();
            InetSocketAddress platformPort = new InetSocketAddress(command.getAddress(), command.getPort() + 1);
            return TpmSocketServer.mssim(platform, command, platformPort, options.control(), serverOptions, executor);
        }
        return TpmSocketServer.swtpm(platform, options.server(), options.control(), serverOptions, executor);
    }

    /** Waits until a client asks for shutdown or {@link #close} runs (on SIGTERM, from a shutdown hook). */
    void awaitShutdownRequest() {
        server.shutdownRequested().toCompletableFuture().join();
    }

    /**
     * Stops listening, lets a running command finish, stores the permanent state, ends the backend
     * and releases the state directory; safe to call more than once and from a shutdown hook.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.close();
        }
        if (platform != null) {
            try {
                platform.close();
            } catch (PlatformException e) {
                LOG.log(System.Logger.Level.ERROR, "the TPM state could not be stored at exit: {0}", e.getMessage());
            }
        }
        closeQuietly(backendProcess, "the swtpm backend");
        closeQuietly(store, "the state directory");
        executor.shutdownNow();
        if (pidFileWritten) {
            try {
                PidFile.remove(options.pidFile().get(), ProcessHandle.current().pid());
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot remove the pid file: {0}", e.getMessage());
            }
        }
        LOG.log(System.Logger.Level.INFO, "stopped");
    }

    private static void closeQuietly(AutoCloseable closeable, String what) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close {0}: {1}", what, e.getMessage());
        }
    }

    /** Daemon threads: the server never keeps the JVM alive on its own; the main thread decides. */
    private static final class ServerThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "vtpm-socket-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
