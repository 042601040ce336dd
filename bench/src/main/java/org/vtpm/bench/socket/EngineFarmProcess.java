package org.vtpm.bench.socket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.vtpm.tpm.client.Tpm;

/** An {@link EngineFarm} in a child JVM: N of our vTPMs in one server process. */
final class EngineFarmProcess implements ServerUnderTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final String LOOPBACK = "127.0.0.1";

    private final Process process;
    private final Path errors;
    private final ProcessCpu cpu;
    private final Thread shutdownHook;
    private final List<SocketAddress> channels = new ArrayList<>();

    private EngineFarmProcess(Process process, Path errors, ProcessCpu cpu) {
        this.process = process;
        this.errors = errors;
        this.cpu = cpu;
        this.shutdownHook = new Thread(this::stop, "engine-farm-" + process.pid() + "-stop");
    }

    /** Starts the farm and waits until all its vTPMs listen. */
    static EngineFarmProcess start(JavaCommand java, int count, ProcessCpu cpu) throws IOException {
        Path errors = Files.createTempFile("vtpm-engine-farm", ".log");
        Process process = new ProcessBuilder(java.with(List.of(Integer.toString(count))))
                .redirectError(errors.toFile())
                .start();
        EngineFarmProcess farm = new EngineFarmProcess(process, errors, cpu);
        Runtime.getRuntime().addShutdownHook(farm.shutdownHook);
        try {
            farm.awaitReady();
            return farm;
        } catch (IOException | RuntimeException e) {
            farm.close();
            throw e;
        }
    }

    private void awaitReady() throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<SocketAddress>> ready = CompletableFuture.supplyAsync(() -> {
            List<SocketAddress> found = new ArrayList<>();
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals("ready")) {
                        return found;
                    }
                    if (line.startsWith("data ")) {
                        found.add(new InetSocketAddress(LOOPBACK, Integer.parseInt(line.substring(5).trim())));
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        try {
            List<SocketAddress> found = ready.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (found == null) {
                throw new IOException("the engine farm exited while starting: " + errorLog());
            }
            channels.addAll(found);
        } catch (TimeoutException e) {
            throw new IOException("the engine farm did not start within " + START_TIMEOUT + ": " + errorLog(), e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the engine farm's ports: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the engine farm started", e);
        }
    }

    private String errorLog() throws IOException {
        return Files.readString(errors, StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public List<Tpm> connect() {
        return ServerUnderTest.connectAll(dataChannels());
    }

    private List<SocketAddress> dataChannels() {
        return List.copyOf(channels);
    }

    @Override
    public long cpuNanos() throws IOException {
        return cpu.nanos(process.pid());
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is exiting and the hook stops the farm.
        }
        stop();
        Files.deleteIfExists(errors);
    }

    /** SIGTERM to the farm's PID, then SIGKILL if it outlasts the grace period. */
    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
