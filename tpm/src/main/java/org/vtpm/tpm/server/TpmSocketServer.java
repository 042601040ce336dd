package org.vtpm.tpm.server;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * <p>A peer asking for shutdown ({@code CMD_SHUTDOWN}, mssim {@code TPM_STOP}) completes
 * {@link #shutdownRequested()}; the owner then closes the server and the platform.
 */
public final class TpmSocketServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(TpmSocketServer.class.getName());
    private static final Duration ACCEPT_RETRY_PAUSE = Duration.ofMillis(100);

    private final TpmPlatform platform;
    private final Map<ServerChannel, InetSocketAddress> requested;
    private final ServerOptions options;
    private final Executor executor;
    private final Semaphore connectionSlots;
    private final Map<ServerChannel, ServerSocket> listeners = new EnumMap<>(ServerChannel.class);
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
    private volatile boolean closed;
    private boolean started;

    private TpmSocketServer(TpmPlatform platform, Map<ServerChannel, InetSocketAddress> requested,
            ServerOptions options, Executor executor) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.requested = new EnumMap<>(requested);
        this.options = Objects.requireNonNull(options, "options");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.connectionSlots = new Semaphore(options.maxConnections());
    }

    /**
     * swtpm's socket interface: the data channel and, if given, the control channel.
     * Port 0 picks a free port; {@link #address} tells which.
     */
    public static TpmSocketServer swtpm(TpmPlatform platform, InetSocketAddress data,
            Optional<InetSocketAddress> control, ServerOptions options, Executor executor) {
        Map<ServerChannel, InetSocketAddress> channels = new EnumMap<>(ServerChannel.class);
        channels.put(ServerChannel.SWTPM_DATA, Objects.requireNonNull(data, "data"));
        control.ifPresent(address -> channels.put(ServerChannel.SWTPM_CONTROL, address));
        return new TpmSocketServer(platform, channels, options, executor);
    }

    /**
     * The Microsoft simulator's interface (tpm2-tss {@code mssim} TCTI, TSS.MSR, IBM TSS) and, if
     * given, swtpm's control channel beside it for state blobs.
     */
    public static TpmSocketServer mssim(TpmPlatform platform, InetSocketAddress command,
            InetSocketAddress platformPort, Optional<InetSocketAddress> control, ServerOptions options,
            Executor executor) {
        Map<ServerChannel, InetSocketAddress> channels = new EnumMap<>(ServerChannel.class);
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
            for (Map.Entry<ServerChannel, InetSocketAddress> entry : requested.entrySet()) {
                listeners.put(entry.getKey(), bind(entry.getValue()));
            }
            for (Map.Entry<ServerChannel, ServerSocket> entry : listeners.entrySet()) {
                executor.execute(() -> acceptLoop(entry.getKey(), entry.getValue()));
            }
        } catch (IOException | RejectedExecutionException e) {
            close();
            throw e instanceof IOException io ? io : new IOException("the executor refused the accept loop", e);
        }
    }

    private static ServerSocket bind(InetSocketAddress address) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(address);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Where {@code channel} listens, with the port actually bound; empty if it is not served. */
    public synchronized Optional<InetSocketAddress> address(ServerChannel channel) {
        ServerSocket socket = listeners.get(channel);
        return socket == null ? Optional.empty() : Optional.of((InetSocketAddress) socket.getLocalSocketAddress());
    }

    /** The bound port of {@code channel}, which must be served. */
    public int port(ServerChannel channel) {
        return address(channel).orElseThrow(() -> new IllegalStateException(channel + " is not served")).getPort();
    }

    /** Completes when a peer asked the TPM to shut down, or when the server was closed. */
    public CompletionStage<Void> shutdownRequested() {
        return shutdownRequested;
    }

    public TpmPlatform platform() {
        return platform;
    }

    private void acceptLoop(ServerChannel channel, ServerSocket listener) {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            Socket socket;
            try {
                socket = listener.accept();
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
                        options.maxConnections(), socket.getRemoteSocketAddress());
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            try {
                executor.execute(() -> serve(channel, socket));
            } catch (RejectedExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: no thread for {1}", channel, socket.getRemoteSocketAddress());
                release(socket);
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

    private void serve(ServerChannel channel, Socket socket) {
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.messageTimeout().toMillis()));
            socket.setTcpNoDelay(true);
            MessageInput in = new MessageInput(socket.getInputStream(), () -> closed);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            protocol(channel).serve(in, out);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: connection from {1} ended: {2}", channel,
                    socket.getRemoteSocketAddress(), e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, channel + ": connection from " + socket.getRemoteSocketAddress()
                    + " failed", e);
        } finally {
            release(socket);
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
        LOG.log(System.Logger.Level.INFO, "shutdown requested by a peer");
        shutdownRequested.complete(null);
    }

    private void release(Socket socket) {
        closeQuietly(socket);
        if (connections.remove(socket)) {
            connectionSlots.release();
        }
    }

    /**
     * Stops listening and closes every connection; a command already inside the TPM completes
     * first, since the platform's lock serializes it with whatever the owner does next.
     */
    @Override
    public void close() {
        List<ServerSocket> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(listeners.values());
        }
        toClose.forEach(TpmSocketServer::closeQuietly);
        new ArrayList<>(connections).forEach(this::release);
        shutdownRequested.complete(null);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "closing {0}: {1}", closeable, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TPM socket server " + requested;
    }
}
