package org.vtpm.it.postgresql;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for one test run: Debian's server binaries, a data directory
 * in a fresh temporary directory, TCP on the endpoint's loopback address and port with
 * SCRAM-SHA-256 passwords, and the endpoint's role owning the endpoint's database, as a
 * production database administrator would set it up. The superuser is reachable only through
 * the Unix socket in the private directory. PostgreSQL refuses to run as root, so when the tests
 * run as root the server runs as the {@code postgres} user of the Debian package.
 * {@link #close()} stops the postmaster by its PID and deletes the directory.
 */
public final class PostgresqlCluster implements Closeable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String SERVICE_USER = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN = Duration.ofSeconds(15);
    private static final int PID_FILE_STATUS_LINE = 7;

    private final Path bin;
    private final Path directory;
    private final Path log;
    private final DatabaseEndpoint endpoint;
    private Process launcher;
    private ProcessHandle postmaster;

    private PostgresqlCluster(Path bin, Path directory, Path log, DatabaseEndpoint endpoint) {
        this.bin = bin;
        this.directory = directory;
        this.log = log;
        this.endpoint = endpoint;
    }

    /** Creates and starts the cluster, and in it the endpoint's role and database. */
    public static PostgresqlCluster start(DatabaseEndpoint endpoint, Path log) throws IOException {
        Path bin = serverBinaries();
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        PostgresqlCluster cluster = new PostgresqlCluster(bin, Files.createTempDirectory("vtpm-it-postgresql-"),
                log, endpoint);
        try {
            cluster.initialize();
            cluster.startServer();
            cluster.createApplicationDatabase();
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public DatabaseEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Runs SQL as the application's role over TCP, as the server connects, and returns the rows,
     * columns separated by {@code |}. {@code :'name'} in the SQL is a variable, quoted as a literal.
     */
    public List<String> query(String sql, Map<String, String> variables) throws IOException {
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", endpoint.host(), "-p", Integer.toString(endpoint.port()),
                "-U", endpoint.user(), "-d", endpoint.database()));
        variables.forEach((name, value) -> command.addAll(List.of("-v", name + "=" + value)));
        String output = run(command, Map.of("PGPASSWORD", endpoint.password()), sql);
        return output.lines().filter(line -> !line.isEmpty()).toList();
    }

    /**
     * Restarts the server on the same data and port the way an administrator does: a fast
     * shutdown, which ends every open session, so the connections its clients pool are dead.
     */
    public void restart() throws IOException {
        stopServer();
        startServer();
    }

    /** Stops the postmaster by its PID and deletes the cluster. */
    @Override
    public void close() throws IOException {
        try {
            stopServer();
        } finally {
            deleteRecursively(directory);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL cluster " + endpoint + " in " + directory;
    }

    private void initialize() throws IOException {
        if (runsAsRoot()) {
            Files.setOwner(directory, directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(SERVICE_USER));
        }
        run(asServiceUser(bin.resolve("initdb").toString(), "--pgdata=" + data(), "--username=" + SUPERUSER,
                "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale",
                "--no-sync", "--no-instructions"), Map.of(), "");
    }

    private void startServer() throws IOException {
        // fsync off: the cluster lives for one run, and flushing costs seconds on a shared disk
        launcher = new ProcessBuilder(asServiceUser(bin.resolve("postgres").toString(), "-D", data().toString(),
                "-p", Integer.toString(endpoint.port()), "-c", "listen_addresses=" + endpoint.host(),
                "-c", "unix_socket_directories=" + directory, "-c", "fsync=off"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        postmaster = awaitReady();
    }

    /** A fast shutdown by the postmaster's PID, a kill if that does not end it in time. */
    private void stopServer() throws IOException {
        if (postmaster != null) {
            run(List.of("kill", "-INT", Long.toString(postmaster.pid())), Map.of(), "");
            if (!exited(postmaster, SHUTDOWN)) {
                postmaster.destroyForcibly();
                exited(postmaster, SHUTDOWN);
            }
            postmaster = null;
        }
        if (launcher != null) {
            launcher.destroy();
            if (!exited(launcher.toHandle(), SHUTDOWN)) {
                launcher.destroyForcibly();
            }
            launcher = null;
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void createApplicationDatabase() throws IOException {
        String sql = "CREATE ROLE " + identifier(endpoint.user()) + " LOGIN PASSWORD " + literal(endpoint.password())
                + ";\nCREATE DATABASE " + identifier(endpoint.database()) + " OWNER " + identifier(endpoint.user())
                + ";\n";
        // as the superuser through the socket; the password travels on stdin, never in a command line
        run(List.of(bin.resolve("psql").toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", directory.toString(),
                "-p", Integer.toString(endpoint.port()), "-U", SUPERUSER, "-d", "postgres"), Map.of(), sql);
    }

    private ProcessHandle awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!launcher.isAlive()) {
                throw new IOException("postgres exited with " + launcher.exitValue() + ", see " + log);
            }
            Optional<ProcessHandle> ready = readyPostmaster().filter(this::isLaunched);
            if (ready.isPresent()) {
                return ready.get();
            }
            pause(Duration.ofMillis(100));
        }
        throw new IOException("postgres was not ready within " + STARTUP + ", see " + log);
    }

    /** The postmaster the PID file names, once the file reports it ready to accept connections. */
    private Optional<ProcessHandle> readyPostmaster() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(data().resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.size() <= PID_FILE_STATUS_LINE || !"ready".equals(lines.get(PID_FILE_STATUS_LINE).trim())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
    }

    /** Whether a PID file names this launch's server, not one that a killed predecessor left. */
    private boolean isLaunched(ProcessHandle candidate) {
        ProcessHandle started = launcher.toHandle();
        return candidate.equals(started) || started.descendants().anyMatch(candidate::equals);
    }

    private static Path serverBinaries() throws IOException {
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/postgres")))
                    .max(Comparator.comparingInt(PostgresqlCluster::majorVersion))
                    .map(version -> version.resolve("bin"))
                    .orElseThrow(() -> new IOException("no server in " + INSTALLATIONS));
        } catch (NoSuchFileException e) {
            throw new IOException("PostgreSQL is not installed (Debian package postgresql): no " + INSTALLATIONS, e);
        }
    }

    private static int majorVersion(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServiceUser(String... command) {
        List<String> full = new ArrayList<>();
        if (runsAsRoot()) {
            full.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Runs a command to its end, feeding it {@code input}; returns its output, or fails with it. */
    private static String run(List<String> command, Map<String, String> environment, String input)
            throws IOException {
        Path output = Files.createTempFile("vtpm-it-postgresql-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!exited(process.toHandle(), COMMAND)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + COMMAND);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot wait for process " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void pause(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for postgres", e);
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
