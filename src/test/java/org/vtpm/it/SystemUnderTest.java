package org.vtpm.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.vtpm.it.postgresql.DatabaseEndpoint;
import org.vtpm.it.postgresql.PostgresqlCluster;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/**
 * What the whole-system tests run against, set up once per test JVM before Arquillian reads
 * {@code arquillian.xml}: a swtpm standing in for the host's physical TPM (and one for a second
 * host, host-b), and a port offset at
 * which every port of the WildFly server is free, so a developer's server on 8080 and another
 * suite never collide. With {@code -Dvtpm.it.database=postgresql} (the run whose server copy has
 * the PostgreSQL datasource) also a PostgreSQL cluster at the endpoint that the environment gives
 * the server. Both are stopped by PID when the session closes.
 */
public final class SystemUnderTest implements LauncherSessionListener {

    /** Ports of standalone-full.xml that the offset moves. */
    private static final int[] SERVER_PORTS = {8080, 8443, 8009, 9990, 9993, 3528, 3529, 4712, 4713};
    /**
     * Offsets keep every server port below 30000: under Linux's ephemeral range (32768 and up),
     * where any outgoing connection on the machine could take a port between our check and the
     * server's bind, and under the vTPM front ends' test range (30000-32759).
     */
    private static final int MAX_OFFSET = 19_000;

    private static volatile SwtpmProcess physicalTpm;
    private static volatile SwtpmProcess hostB;
    private static volatile PostgresqlCluster database;
    private static volatile int portOffset;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if ("postgresql".equals(System.getProperty("vtpm.it.database"))) {
            try {
                database = PostgresqlCluster.start(DatabaseEndpoint.fromEnvironment(),
                        workDirectory().resolve("postgresql.log"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
        }
        try {
            physicalTpm = SwtpmProcess.start(physicalTpmOptions());
            hostB = SwtpmProcess.start(hostBOptions());
        } catch (IOException e) {
            stopTpms();
            stopDatabase();
            throw new UncheckedIOException("cannot start swtpm as a physical TPM", e);
        }
        portOffset = freePortOffset();
        System.setProperty("vtpm.it.port.offset", Integer.toString(portOffset));
        System.setProperty("vtpm.it.management.port", Integer.toString(9990 + portOffset));
        System.setProperty("vtpm.it.ptpm.port", Integer.toString(physicalTpm.dataPort()));
        System.setProperty("vtpm.it.host-b.port", Integer.toString(hostB.dataPort()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            stopTpms();
        } finally {
            stopDatabase();
        }
    }

    private static void stopTpms() {
        for (SwtpmProcess tpm : new SwtpmProcess[] {physicalTpm, hostB}) {
            if (tpm != null) {
                try {
                    tpm.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot stop swtpm " + tpm, e);
                }
            }
        }
    }

    /** The swtpm serving as the server's physical TPM. */
    public static SwtpmProcess physicalTpm() {
        return physicalTpm;
    }

    /** The PostgreSQL cluster behind the server's datasource, in the PostgreSQL run. */
    public static PostgresqlCluster database() {
        PostgresqlCluster cluster = database;
        if (cluster == null) {
            throw new IllegalStateException("this run has no PostgreSQL: -Dvtpm.it.database=postgresql starts one");
        }
        return cluster;
    }

    private static void stopDatabase() {
        PostgresqlCluster cluster = database;
        if (cluster != null) {
            database = null;
            try {
                cluster.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop " + cluster, e);
            }
        }
    }

    /** Kills the physical TPM, as a crash or a pulled cable would. */
    public static void stopPhysicalTpm() throws IOException {
        physicalTpm.close();
    }

    /** Brings the physical TPM back at the same address with the same state. */
    public static void restartPhysicalTpm() throws IOException {
        int port = physicalTpm.dataPort();
        physicalTpm = SwtpmProcess.start(physicalTpmOptions().withDataPort(port));
    }

    private static Path workDirectory() {
        return Path.of(System.getProperty("vtpm.it.work", "target/it-work"));
    }

    private static SwtpmOptions physicalTpmOptions() throws IOException {
        return tpmOptions("physical-tpm");
    }

    /** The physical TPM of the second host (host-b), for migrations between hosts. */
    private static SwtpmOptions hostBOptions() throws IOException {
        return tpmOptions("host-b-tpm");
    }

    /** Kills the second host's physical TPM. */
    public static void stopHostB() throws IOException {
        hostB.close();
    }

    /** Brings the second host's physical TPM back at the same address with the same state. */
    public static void restartHostB() throws IOException {
        hostB = SwtpmProcess.start(hostBOptions().withDataPort(hostB.dataPort()));
    }

    private static SwtpmOptions tpmOptions(String name) throws IOException {
        Path state = workDirectory().resolve(name);
        Files.createDirectories(state);
        return SwtpmOptions.defaults().withStateDirectory(state);
    }

    private static int freePortOffset() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int offset = 1000 + 100 * ThreadLocalRandom.current().nextInt((MAX_OFFSET - 1000) / 100);
            if (allFree(offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no port offset with all WildFly ports free");
    }

    private static boolean allFree(int offset) {
        for (int port : SERVER_PORTS) {
            try (ServerSocket socket = new ServerSocket(port + offset, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
