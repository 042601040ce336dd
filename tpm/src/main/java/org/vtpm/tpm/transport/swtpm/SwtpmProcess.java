package org.vtpm.tpm.transport.swtpm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * A swtpm process serving one TPM 2.0 on a data and a control channel, either two loopback TCP ports
 * or two Unix domain sockets in the process's private directory.
 *
 * <p>{@link #start} picks free ports (or socket paths), launches {@code swtpm socket --tpm2} and
 * returns once both channels answer. A port taken by someone else between picking and binding makes
 * swtpm exit at once; the launcher then retries with new ports. {@link #close} stops the process (SIGTERM, then
 * SIGKILL after a grace period) and removes its temporary files; a shutdown hook does the same
 * should the JVM exit first, so no swtpm outlives its owner.
 */
public final class SwtpmProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SwtpmProcess.class.getName());
    private static final String HOST = "127.0.0.1";
    private static final int BIND_ATTEMPTS = 5;
    private static final int PORT_PAIR_ATTEMPTS = 20;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);
    private static final Timeouts PROBE_TIMEOUTS = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500));
    private static final int MAX_LOG_REPORT = 8 * 1024;

    private final Process process;
    private final SwtpmOptions options;
    private final Path workDirectory;
    private final Path stateDirectory;
    private final SocketAddress dataAddress;
    private final SocketAddress controlAddress;
    private final Thread shutdownHook;
    private boolean closed;

    private SwtpmProcess(Process process, SwtpmOptions options, Path workDirectory, Path stateDirectory,
            SocketAddress dataAddress, SocketAddress controlAddress) {
        this.process = process;
        this.options = options;
        this.workDirectory = workDirectory;
        this.stateDirectory = stateDirectory;
        this.dataAddress = dataAddress;
        this.controlAddress = controlAddress;
        this.shutdownHook = new Thread(this::stopOnExit, "swtpm-" + process.pid() + "-shutdown");
    }

    /** Starts swtpm with {@link SwtpmOptions#defaults()}. */
    public static SwtpmProcess start() throws IOException {
        return start(SwtpmOptions.defaults());
    }

    public static SwtpmProcess start(SwtpmOptions options) throws IOException {
        Path workDirectory = Files.createTempDirectory("swtpm-");
        try {
            Path stateDirectory = options.stateDirectory().orElse(workDirectory.resolve("state"));
            Files.createDirectories(stateDirectory);
            for (int attempt = 1; ; attempt++) {
                SocketAddress[] addresses = addresses(options.socketType(), workDirectory);
                SwtpmProcess swtpm = launch(options, workDirectory, stateDirectory, addresses[0], addresses[1]);
                Runtime.getRuntime().addShutdownHook(swtpm.shutdownHook);
                try {
                    swtpm.awaitReady();
                    return swtpm;
                } catch (SwtpmStartException e) {
                    Runtime.getRuntime().removeShutdownHook(swtpm.shutdownHook);
                    swtpm.stopProcess();
                    if (attempt >= BIND_ATTEMPTS || !swtpm.log().contains("Address already in use")) {
                        throw e;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(workDirectory);
            throw e;
        }
    }

    private static SwtpmProcess launch(SwtpmOptions options, Path workDirectory, Path stateDirectory,
            SocketAddress dataAddress, SocketAddress controlAddress) throws SwtpmStartException {
        if (stateDirectory.toString().contains(",")) {
            // swtpm splits its option values at commas; such a path would be cut short.
            throw new SwtpmStartException("swtpm cannot take a state directory containing ',': " + stateDirectory);
        }
        List<String> command = new ArrayList<>(List.of(
                options.executable(), "socket", "--tpm2",
                "--server", listenOption(dataAddress),
                "--ctrl", listenOption(controlAddress),
                "--tpmstate", "dir=" + stateDirectory,
                "--log", "file=" + logFile(workDirectory) + ",truncate"));
        List<String> flags = new ArrayList<>();
        if (options.notNeedInit()) {
            flags.add("not-need-init");
        }
        if (options.startupClear()) {
            flags.add("startup-clear");
        }
        if (!flags.isEmpty()) {
            command.add("--flags");
            command.add(String.join(",", flags));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(consoleFile(workDirectory).toFile());
        try {
            Process process = builder.start();
            return new SwtpmProcess(process, options, workDirectory, stateDirectory, dataAddress, controlAddress);
        } catch (IOException e) {
            throw new SwtpmStartException("cannot run " + options.executable() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The data and control addresses: socket files in the work directory, or two adjacent free ports,
     * control right after data, the layout tpm2-tss's {@code swtpm} TCTI assumes.
     */
    private static SocketAddress[] addresses(SwtpmSocketType type, Path workDirectory) throws IOException {
        if (type == SwtpmSocketType.UNIX) {
            return new SocketAddress[] {UnixDomainSocketAddress.of(workDirectory.resolve("data.sock")),
                UnixDomainSocketAddress.of(workDirectory.resolve("ctrl.sock"))};
        }
        InetAddress loopback = InetAddress.getByName(HOST);
        for (int attempt = 0; attempt < PORT_PAIR_ATTEMPTS; attempt++) {
            // The data port stays bound while its neighbour is probed; the window until swtpm binds
            // both is covered by the retry in start().
            try (ServerSocket data = new ServerSocket(0, 1, loopback)) {
                int port = data.getLocalPort();
                if (port < 65535 && isFree(loopback, port + 1)) {
                    return new SocketAddress[] {new InetSocketAddress(loopback, port),
                        new InetSocketAddress(loopback, port + 1)};
                }
            }
        }
        throw new SwtpmStartException("no two adjacent free ports on " + HOST + " after " + PORT_PAIR_ATTEMPTS
                + " attempts");
    }

    private static boolean isFree(InetAddress address, int port) {
        try {
            new ServerSocket(port, 1, address).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String listenOption(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return "type=unixio,path=" + unix.getPath();
        }
        return "type=tcp,port=" + ((InetSocketAddress) address).getPort() + ",bindaddr=" + HOST;
    }

    /** Waits until the control channel answers CMD_GET_CAPABILITY and the data channel accepts. */
    private void awaitReady() throws SwtpmStartException {
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        TpmTransportException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new SwtpmStartException("swtpm exited with status " + process.exitValue()
                        + " while starting; log:\n" + log());
            }
            try {
                new SwtpmControlChannel(controlAddress, PROBE_TIMEOUTS, 0).getCapability();
                SocketLink.connect(dataAddress, PROBE_TIMEOUTS).close();
                if (process.isAlive()) {
                    return;
                }
            } catch (TpmTransportException e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(PROBE_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SwtpmStartException("interrupted while waiting for swtpm", e);
            }
        }
        throw new SwtpmStartException("swtpm did not answer within " + options.startTimeout()
                + (lastFailure == null ? "" : " (" + lastFailure.getMessage() + ")") + "; log:\n" + log(),
                lastFailure);
    }

    public long pid() {
        return process.pid();
    }

    /** Where the data channel listens: an {@link InetSocketAddress} or a {@link UnixDomainSocketAddress}. */
    public SocketAddress dataAddress() {
        return dataAddress;
    }

    /** Where the control channel listens: an {@link InetSocketAddress} or a {@link UnixDomainSocketAddress}. */
    public SocketAddress controlAddress() {
        return controlAddress;
    }

    /** The data channel's TCP port, for clients such as {@code TPM2TOOLS_TCTI=swtpm:port=...}. */
    public int dataPort() {
        return port(dataAddress);
    }

    /** The control channel's TCP port. */
    public int controlPort() {
        return port(controlAddress);
    }

    private static int port(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getPort();
        }
        throw new IllegalStateException("swtpm listens on a Unix socket, not a port: " + address);
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits for the process to exit on its own, e.g. after {@link SwtpmControlChannel#shutdown()}.
     *
     * @return whether it exited within {@code timeout}
     */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A new data channel connection; the caller closes it. */
    public SwtpmSocketTransport openDataChannel() {
        return new SwtpmSocketTransport(dataAddress, options.timeouts(), TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    public SwtpmControlChannel controlChannel() {
        return new SwtpmControlChannel(controlAddress, options.timeouts(), SwtpmControlChannel.DEFAULT_MAX_BLOB_SIZE);
    }

    /** What swtpm logged and printed so far (the tail of it, if long). */
    public String log() {
        String text = readIfPresent(consoleFile(workDirectory)) + readIfPresent(logFile(workDirectory));
        return text.length() <= MAX_LOG_REPORT ? text : text.substring(text.length() - MAX_LOG_REPORT);
    }

    /** Stops swtpm and deletes its temporary files (the state too, unless a state directory was given). */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // The JVM is already shutting down (the hook runs anyway) or the hook was never added.
        }
        stopProcess();
        deleteRecursively(workDirectory);
    }

    /** The shutdown hook: the temporary state holds the TPM's seeds, so it goes with the process. */
    private void stopOnExit() {
        stopProcess();
        try {
            deleteRecursively(workDirectory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "swtpm {0}: cannot delete {1}: {2}", process.pid(), workDirectory,
                    e.getMessage());
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(options.stopGrace().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static Path logFile(Path workDirectory) {
        return workDirectory.resolve("swtpm.log");
    }

    private static Path consoleFile(Path workDirectory) {
        return workDirectory.resolve("console.log");
    }

    private static String readIfPresent(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "swtpm pid " + pid() + " (data " + SocketLink.describe(dataAddress) + ", control "
                + SocketLink.describe(controlAddress) + ")";
    }
}
