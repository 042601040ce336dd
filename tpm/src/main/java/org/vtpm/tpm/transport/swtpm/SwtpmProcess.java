package org.vtpm.tpm.transport.swtpm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * A swtpm process serving one TPM 2.0 on a data and a control channel, either two adjacent loopback
 * TCP ports or two Unix domain sockets in the process's private directory.
 *
 * <p>{@link #start} picks free ports (or socket paths), launches {@code swtpm socket --tpm2} and
 * returns once both channels answer. A port taken by someone else between picking and binding makes
 * swtpm exit at once; the launcher then retries with new ports. {@link #close} stops the process
 * (SIGTERM, then SIGKILL after a grace period) and removes its temporary files; a shutdown hook does
 * the same should the JVM exit first, so no swtpm, and no temporary TPM state, outlives its owner.
 */
public final class SwtpmProcess implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SwtpmProcess.class.getName());
    private static final int BIND_ATTEMPTS = 5;
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);
    private static final Timeouts PROBE_TIMEOUTS = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500));
    private static final int MAX_LOG_REPORT = 8 * 1024;

    private final Process process;
    private final SwtpmOptions options;
    private final SwtpmWorkDirectory workDirectory;
    private final Path stateDirectory;
    private final SwtpmAddresses addresses;
    private final Thread shutdownHook;
    private boolean closed;

    private SwtpmProcess(Process process, SwtpmOptions options, SwtpmWorkDirectory workDirectory,
            Path stateDirectory, SwtpmAddresses addresses) {
        this.process = process;
        this.options = options;
        this.workDirectory = workDirectory;
        this.stateDirectory = stateDirectory;
        this.addresses = addresses;
        this.shutdownHook = new Thread(this::stopOnExit, "swtpm-" + process.pid() + "-shutdown");
    }

    /** Starts swtpm with {@link SwtpmOptions#defaults()}. */
    public static SwtpmProcess start() throws IOException {
        return start(SwtpmOptions.defaults());
    }

    public static SwtpmProcess start(SwtpmOptions options) throws IOException {
        SwtpmWorkDirectory workDirectory = SwtpmWorkDirectory.create();
        try {
            Path stateDirectory = options.stateDirectory().orElse(workDirectory.defaultStateDirectory());
            Files.createDirectories(stateDirectory);
            for (int attempt = 1; ; attempt++) {
                SwtpmAddresses addresses = options.socketType() == SwtpmSocketType.UNIX
                        ? SwtpmAddresses.unixSockets(workDirectory)
                        : options.dataPort().isPresent()
                                ? SwtpmAddresses.loopbackPorts(options.dataPort().getAsInt())
                                : SwtpmAddresses.freeLoopbackPorts();
                SwtpmProcess swtpm = launch(options, workDirectory, stateDirectory, addresses);
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
            workDirectory.delete();
            throw e;
        }
    }

    private static SwtpmProcess launch(SwtpmOptions options, SwtpmWorkDirectory workDirectory, Path stateDirectory,
            SwtpmAddresses addresses) throws SwtpmStartException {
        if (stateDirectory.toString().contains(",")) {
            // swtpm splits its option values at commas; such a path would be cut short.
            throw new SwtpmStartException("swtpm cannot take a state directory containing ',': " + stateDirectory);
        }
        List<String> command = new ArrayList<>(List.of(
                options.executable(), "socket", "--tpm2",
                "--server", SwtpmAddresses.listenOption(addresses.data()),
                "--ctrl", SwtpmAddresses.listenOption(addresses.control()),
                "--tpmstate", "dir=" + stateDirectory,
                "--log", "file=" + workDirectory.logFile() + ",truncate"));
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
                .redirectOutput(workDirectory.consoleFile().toFile());
        try {
            return new SwtpmProcess(builder.start(), options, workDirectory, stateDirectory, addresses);
        } catch (IOException e) {
            throw new SwtpmStartException("cannot run " + options.executable() + ": " + e.getMessage(), e);
        }
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
                new SwtpmControlChannel(addresses.control(), PROBE_TIMEOUTS, 0).getCapability();
                SocketLink.connect(addresses.data(), PROBE_TIMEOUTS).close();
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
        return addresses.data();
    }

    /** Where the control channel listens: an {@link InetSocketAddress} or a {@link UnixDomainSocketAddress}. */
    public SocketAddress controlAddress() {
        return addresses.control();
    }

    /** The data channel's TCP port, for clients such as {@code TPM2TOOLS_TCTI=swtpm:port=...}. */
    public int dataPort() {
        return SwtpmAddresses.port(addresses.data());
    }

    /** The control channel's TCP port, always {@link #dataPort()} + 1. */
    public int controlPort() {
        return SwtpmAddresses.port(addresses.control());
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
        return new SwtpmSocketTransport(addresses.data(), options.timeouts(), TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    public SwtpmControlChannel controlChannel() {
        return new SwtpmControlChannel(addresses.control(), options.timeouts(),
                SwtpmControlChannel.DEFAULT_MAX_BLOB_SIZE);
    }

    /** What swtpm printed and logged so far (the tail of each, if long). */
    public String log() {
        return workDirectory.report(MAX_LOG_REPORT);
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
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook is running or has run.
        }
        stopProcess();
        workDirectory.delete();
    }

    /** The shutdown hook: the temporary state holds the TPM's seeds, so it goes with the process. */
    private void stopOnExit() {
        stopProcess();
        try {
            workDirectory.delete();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "swtpm {0}: cannot delete {1}: {2}", process.pid(), workDirectory,
                    e.getMessage());
        }
    }

    /** SIGTERM, then SIGKILL if the grace period passes; both go to this process's own PID. */
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

    @Override
    public String toString() {
        return "swtpm pid " + pid() + " (data " + SocketLink.describe(addresses.data()) + ", control "
                + SocketLink.describe(addresses.control()) + ")";
    }
}
