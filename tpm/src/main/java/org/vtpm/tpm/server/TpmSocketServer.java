package org.vtpm.tpm.server;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

/**
 * Serves one {@link TpmPlatform} on TCP sockets: swtpm's data and control channels, the Microsoft
 * simulator's command and platform ports, or both. Meant to be embedded: the resource adapter
 * serves each running vTPM with one of these, the {@code vtpm socket} command serves one TPM.
 *
 * <p>Every accept loop and every connection runs as a task on the caller's {@link Executor}
 * (inside WildFly, the resource adapter's WorkManager), so the executor must be able to run one
 * task per listening channel plus {@link ServerOptions#maxConnections()} more. Commands reach
 * the TPM one at a time, through the platform's lock; any number of connections may follow one
 * another, and a connection beyond the limit is closed at once.
 *
 * <p>A peer asking for shutdown ({@code CMD_SHUTDOWN}, mssim {@code TPM_STOP}), or the end of a
 * data connection with {@link ServerOptions#terminateAfterDataConnection()}, completes
 * {@link #shutdownRequested()}; the owner then closes the server and the platform.
 */
public final class TpmSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TpmSocketServer.class.getName());
    private static final Duration ACCEPT_RETRY_PAUSE = Duration.ofMillis(100);

    private final TpmPlatform platform;
    private final Map<ServerChannel, SocketAddress> requested;
    private final ServerOptions options;
    private final Executor executor;
    private final Semaphore connectionSlots;
    private final Map<ServerChannel, Listener> listeners = new EnumMap<>(ServerChannel.class);
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
    private volatile boolean closed;
    private boolean started;

    private TpmSocketServer(TpmPlatform platform, Map<ServerChannel, SocketAddress> requested,
            ServerOptions options, Executor executor) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.requested = new EnumMap<>(requested);
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.connectionSlots = new Semaphore(options.maxConnections());
    }

    /**
     * swtpm's socket interface: the data channel and, if given, the control channel, each on a TCP
     * address ({@link InetSocketAddress}; port 0 picks a free port, {@link #port} tells which) or
     * a Unix domain socket ({@link java.net.UnixDomainSocketAddress}, swtpm's {@code type=unixio}).
     */
    public static TpmSocketServer swtpm(TpmPlatform platform, SocketAddress data,
            Optional<? extends SocketAddress> control, ServerOptions options, Executor executor) {
        Map<ServerChannel, SocketAddress> channels = new EnumMap<>(ServerChannel.class);
        channels.put(ServerChannel.SWTPM_DATA, Objects.requireNonNull(data, "data"));
        control.ifPresent(address -> channels.put(ServerChannel.SWTPM_CONTROL, address));
        return new TpmSocketServer(platform, channels, options, executor);
    }

    /**
     * The Microsoft simulator's interface (tpm2-tss {@code mssim} TCTI, TSS.MSR, IBM TSS) and, if
     * given, swtpm's control channel beside it for state blobs.
     */
    public static TpmSocketServer mssim(TpmPlatform platform, InetSocketAddress command,
            InetSocketAddress platformPort, Optional<? extends SocketAddress> control, ServerOptions options,
            Executor executor) {
        Map<ServerChannel, SocketAddress> channels = new EnumMap<>(ServerChannel.class);
        channels.put(ServerChannel.MSSIM_COMMAND, Objects.requireNonNull(command, "command"));
        channels.put(ServerChannel.MSSIM_PLATFORM, Objects.requireNonNull(platformPort, "platformPort"));
        control.ifPresent(address -> channels.put(ServerChannel.SWTPM_CONTROL, address));
        return new TpmSocketServer(platform, channels, options, executor);
    }

    /**
     * Binds every channel, then starts accepting. Either all channels listen when this returns, or
     * none does and the exception says which address could not be bound.
     */
    public synchronized void start() throws IOException {
        if (started || closed) {
            throw new IllegalStateException("a server starts once");
        }
        started = true;
        try {
            for (Map.Entry<ServerChannel, SocketAddress> entry : requested.entrySet()) {
                listeners.put(entry.getKey(), Listener.bind(entry.getValue()));
            }
            for (Map.Entry<ServerChannel, Listener> entry : listeners.entrySet()) {
                executor.execute(() -> acceptLoop(entry.getKey(), entry.getValue()));
            }
        } catch (IOException | RejectedExecutionException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("the executor refused the accept loop", e);
        }
    }

    /** Where {@code channel} listens, with the port actually bound; empty if it is not served. */
    public synchronized Optional<SocketAddress> address(ServerChannel channel) {
        Listener listener = listeners.get(channel);
        return listener == null ? Optional.empty() : Optional.of(listener.address());
    }

    /** The bound TCP port of {@code channel}, which must be served on TCP. */
    public int port(ServerChannel channel) {
        SocketAddress address = address(channel)
                .orElseThrow(() -> new IllegalStateException(channel + " is not served"));
        if (!(address instanceof InetSocketAddress inet)) {
            throw new IllegalStateException(channel + " is served on " + address + ", not on a TCP port");
        }
        return inet.getPort();
    }

    /** Completes when a peer asked the TPM to shut down, or when the server was closed. */
    public CompletionStage<Void> shutdownRequested() {
        return shutdownRequested;
    }

    public TpmPlatform platform() {
        return platform;
    }

    private void acceptLoop(ServerChannel channel, Listener listener) {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            Connection connection;
            try {
                connection = listener.accept(options.messageTimeout());
            } catch (IOException e) {
                if (closed || listener.isClosed()) {
                    return;
                }
                // Out of file descriptors, for one: transient, so the channel keeps listening.
                LOG.log(System.Logger.Level.ERROR, "{0}: accept failed: {1}", channel, e.getMessage());
                pause();
                continue;
            }
            if (!connectionSlots.tryAcquire()) {
                LOG.log(System.Logger.Level.WARNING, "{0}: {1} connections open; refusing {2}", channel,
                        options.maxConnections(), connection.peer());
                connection.close();
                continue;
            }
            connections.add(connection);
            if (closed) {
                // close() may have swept the open connections just before this one was added.
                release(connection);
                return;
            }
            try {
                executor.execute(() -> serve(channel, connection));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: no thread for {1}", channel, connection.peer());
                release(connection);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(ServerChannel channel, Connection connection) {
        try {
            MessageInput in = new MessageInput(connection.input(), () -> closed);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(connection.output()));
            protocol(channel).serve(in, out);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: connection from {1} ended: {2}", channel, connection.peer(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, channel + ": connection from " + connection.peer() + " failed", e);
        } finally {
            release(connection);
            boolean dataChannel = channel == ServerChannel.SWTPM_DATA || channel == ServerChannel.MSSIM_COMMAND;
            if (dataChannel && options.terminateAfterDataConnection() && !closed) {
                requestShutdown();
            }
        }
    }

    private ChannelProtocol protocol(ServerChannel channel) {
        switch (channel) {
            case SWTPM_DATA:
                return new SwtpmDataProtocol(platform, options.disconnectAfterResponse());
            case SWTPM_CONTROL:
                return new SwtpmControlProtocol(platform, options.maxStateBlobSize(), this::requestShutdown);
            case MSSIM_COMMAND:
                return new MssimCommandProtocol(platform, this::requestShutdown);
            case MSSIM_PLATFORM:
                return new MssimPlatformProtocol(platform, this::requestShutdown);
            default:
                throw new IllegalArgumentException("no protocol for " + channel);
        }
    }

    private void requestShutdown() {
        LOG.log(System.Logger.Level.INFO, "shutdown requested");
        shutdownRequested.complete(null);
    }

    private void release(Connection connection) {
        connection.close();
        if (connections.remove(connection)) {
            connectionSlots.release();
        }
    }

    /**
     * Stops listening and closes every connection; a command already inside the TPM completes
     * first, since the platform's lock serializes it with whatever the owner does next.
     */
    @Override
    public void close() {
        List<Listener> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(listeners.values());
        }
        toClose.forEach(Listener::close);
        new ArrayList<>(connections).forEach(this::release);
        shutdownRequested.complete(null);
    }

    @Override
    public String toString() {
        return "TPM socket server " + requested;
    }
}
