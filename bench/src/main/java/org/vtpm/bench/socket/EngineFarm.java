package org.vtpm.bench.socket;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.server.DirectoryStateStore;
import org.vtpm.tpm.server.EngineDevice;
import org.vtpm.tpm.server.PlatformException;
import org.vtpm.tpm.server.ServerChannel;
import org.vtpm.tpm.server.ServerOptions;
import org.vtpm.tpm.server.TpmPlatform;
import org.vtpm.tpm.server.TpmSocketServer;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmException;

/**
 * Our side of the concurrent comparison: N engine vTPMs in one JVM, each served on its own
 * loopback data port by the same server classes as {@code vtpm.jar socket}, with its state in its
 * own directory. Prints {@code data PORT} per vTPM, then {@code ready}; runs until its standard
 * input closes or it receives SIGTERM, and deletes its state directories on the way out.
 *
 * <p>Usage: {@code EngineFarm COUNT}
 */
public final class EngineFarm {

    private static final String LOOPBACK = "127.0.0.1";

    private final Path root;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "engine-farm");
        thread.setDaemon(true);
        return thread;
    });
    private final List<AutoCloseable> opened = new ArrayList<>();

    private EngineFarm(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EngineFarm COUNT");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        EngineFarm farm = new EngineFarm(Files.createTempDirectory("vtpm-engine-farm"));
        Runtime.getRuntime().addShutdownHook(new Thread(farm::close, "engine-farm-shutdown"));
        SecureRandom entropy = new SecureRandom();
        for (int i = 0; i < count; i++) {
            System.out.println("data " + farm.serve(i, entropy));
        }
        System.out.println("ready");
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // Nothing is read from the parent; end of input is its signal to stop.
        }
        System.exit(0);
    }

    private int serve(int index, SecureRandom entropy) throws IOException, PlatformException, TpmException {
        DirectoryStateStore store = DirectoryStateStore.open(root.resolve("tpm-" + index),
                DirectoryStateStore.DEFAULT_MODE);
        opened.add(store);
        TpmPlatform platform = new TpmPlatform(new EngineDevice(entropy), store);
        opened.add(platform);
        platform.init(false);
        try (Tpm tpm = new Tpm(new InProcessTransport(platform::execute, "engine-farm"))) {
            tpm.execute(new Startup(Su.CLEAR));
        }
        TpmSocketServer server = TpmSocketServer.swtpm(platform, new InetSocketAddress(LOOPBACK, 0), Optional.empty(),
                ServerOptions.defaults(), executor);
        opened.add(server);
        server.start();
        return server.port(ServerChannel.SWTPM_DATA);
    }

    /** Stops serving, in reverse order of opening, and removes the state directories. */
    private synchronized void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                System.err.println("engine farm: closing " + opened.get(i) + ": " + e.getMessage());
            }
        }
        opened.clear();
        executor.shutdownNow();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("engine farm: cannot delete " + root + ": " + e.getMessage());
        }
    }
}
