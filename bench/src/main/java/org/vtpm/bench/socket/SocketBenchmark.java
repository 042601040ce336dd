package org.vtpm.bench.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.vtpm.bench.report.Arguments;
import org.vtpm.bench.report.MarkdownTable;
import org.vtpm.bench.workload.MissingCommand;
import org.vtpm.bench.workload.Operation;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.wire.TpmException;

/**
 * Our socket server against swtpm, through the same client sending the same command bytes over
 * swtpm's socket protocol on loopback. For each workload both sides are warmed up, then measured
 * in rounds that rotate which side goes first, so that a burst of
 * load from elsewhere on the machine does not fall on one side only.
 *
 * <p>A third side, engines called in this JVM through the same client, runs in the same rounds and
 * gives the in-process rate the socket path is compared with.
 *
 * <p>With one client, ours is {@code vtpm.jar socket} started with swtpm's command line, exactly
 * as swtpm is. With N clients (N threads, each on its own connection to its own vTPM), ours is one
 * JVM serving N vTPMs ({@link EngineFarm}) and swtpm is N processes.
 *
 * <p>Arguments ({@code key=value}): {@code clients} (comma-separated counts, default 1,4),
 * {@code rounds}, {@code warmup}, {@code measure} (per round and side), {@code workloads}
 * (comma-separated {@link Workload} names), {@code vtpmJar} (ours with one client; without it the
 * server runs from {@code classpath}), {@code classpath} (of the engine farm), {@code serverJvm}
 * (space-separated JVM options of our servers), {@code swtpm} (its executable), {@code out}.
 */
public final class SocketBenchmark {

    /** The argument names it takes. */
    public static final Set<String> KNOBS = Set.of("clients", "rounds", "warmup", "measure", "workloads", "vtpmJar",
            "classpath", "serverJvm", "swtpm", "out");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String TPM_MAIN = "org.vtpm.tpm.Main";

    private final Arguments arguments;
    private final ProcessCpu cpu;
    private final List<Workload> workloads;
    private final int rounds;
    private final Duration warmup;
    private final Duration measure;

    private SocketBenchmark(Arguments arguments) throws IOException {
        this.arguments = arguments;
        this.cpu = ProcessCpu.system();
        this.workloads = arguments.list("workloads", Arrays.stream(Workload.values()).map(Enum::name).toList())
                .stream().map(Workload::valueOf).toList();
        this.rounds = arguments.integer("rounds", 2);
        this.warmup = arguments.duration("warmup", Duration.ofSeconds(1));
        this.measure = arguments.duration("measure", Duration.ofSeconds(2));
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, KNOBS);
        String section = run(arguments);
        Path out = arguments.path("out", null);
        if (out == null) {
            System.out.print(section);
        } else {
            Files.writeString(out, section, StandardCharsets.UTF_8);
        }
    }

    /** Runs every configured client count and returns the Markdown section. */
    public static String run(Arguments arguments) throws IOException {
        SocketBenchmark benchmark = new SocketBenchmark(arguments);
        StringBuilder section = new StringBuilder();
        for (String clients : arguments.list("clients", List.of("1", "4"))) {
            section.append(benchmark.compare(Integer.parseInt(clients.trim())));
        }
        return section.toString();
    }

    private String compare(int clients) throws IOException {
        Path launchers = Files.createTempDirectory("vtpm-bench-launchers");
        try (ServerUnderTest ours = startOurs(clients, launchers);
                ServerUnderTest swtpm = SwtpmCompatibleServers.start("swtpm", swtpmOptions(), clients, cpu);
                ServerUnderTest inProcess = InProcessEngines.start(clients, cpu);
                Clients oursClients = new Clients(ours.connect());
                Clients swtpmClients = new Clients(swtpm.connect());
                Clients inProcessClients = new Clients(inProcess.connect())) {
            MarkdownTable table = new MarkdownTable("operation", "ours ops/s", "swtpm ops/s", "ours/swtpm",
                    "ours p50 / p99 µs", "swtpm p50 / p99 µs", "ours CPU µs/op", "swtpm CPU µs/op",
                    "in-process ops/s", "in-process/ours", "in-process CPU µs/op");
            for (Workload workload : workloads) {
                Side oursSide = Side.prepare(workload, ours, oursClients, "engine");
                Side swtpmSide = Side.prepare(workload, swtpm, swtpmClients, "swtpm");
                Side inProcessSide = Side.prepare(workload, inProcess, inProcessClients, "engine");
                measure(List.of(oursSide, swtpmSide, inProcessSide));
                table.row(workload.label(), oursSide.rate(), swtpmSide.rate(), ratio(oursSide, swtpmSide),
                        oursSide.latencies(), swtpmSide.latencies(), oursSide.cpu(), swtpmSide.cpu(),
                        inProcessSide.rate(), ratio(inProcessSide, oursSide), inProcessSide.cpu());
            }
            String heading = clients == 1
                    ? "## Socket, one client: `vtpm.jar socket` against swtpm\n\n"
                    : "## Socket, " + clients + " concurrent clients on " + clients + " vTPMs: one JVM of ours"
                            + " against " + clients + " swtpm processes\n\n";
            return heading + table.render() + "\n";
        } catch (TpmException e) {
            throw new IOException("cannot start the in-process engines: " + e.getMessage(), e);
        } finally {
            deleteTree(launchers);
        }
    }

    /**
     * Warms every side up, then measures them in rounds, each round starting with the next side,
     * so that no side always runs right after the same other one.
     */
    private void measure(List<Side> sides) {
        try {
            for (Side side : sides) {
                side.warmUp(warmup);
            }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sides.size(); i++) {
                    sides.get((round + i) % sides.size()).measure(measure);
                }
            }
        } finally {
            sides.forEach(Side::close);
        }
    }

    /** {@code a}'s rate over {@code b}'s, when both were measured. */
    private static String ratio(Side a, Side b) {
        if (a.tally.isEmpty() || b.tally.isEmpty()) {
            return "";
        }
        return MarkdownTable.ratio(a.tally.operationsPerSecond() / b.tally.operationsPerSecond());
    }

    private ServerUnderTest startOurs(int clients, Path launchers) throws IOException {
        List<String> jvm = arguments.list("serverJvm", List.of()).stream()
                .flatMap(option -> Arrays.stream(option.trim().split("\\s+"))).filter(s -> !s.isEmpty()).toList();
        String classpath = arguments.string("classpath", System.getProperty("java.class.path"));
        if (clients > 1) {
            return EngineFarmProcess.start(JavaCommand.main(jvm, classpath, EngineFarm.class.getName()), clients, cpu);
        }
        Path jar = arguments.path("vtpmJar", null);
        JavaCommand server = jar != null ? JavaCommand.jar(jvm, jar) : JavaCommand.main(jvm, classpath, TPM_MAIN);
        SwtpmOptions options = swtpmOptions().withExecutable(server.writeLauncher(launchers, "vtpm").toString());
        return SwtpmCompatibleServers.start("ours", options, 1, cpu);
    }

    private SwtpmOptions swtpmOptions() {
        return SwtpmOptions.defaults().withExecutable(arguments.string("swtpm", "swtpm"))
                .withStartTimeout(START_TIMEOUT);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One client per vTPM of a server. */
    private record Clients(List<Tpm> tpms) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            for (Tpm tpm : tpms) {
                tpm.close();
            }
        }
    }

    /** One side of one workload: its prepared operations and what they measured, or why there is nothing. */
    private static final class Side {
        private final ServerUnderTest server;
        private final List<Operation> operations;
        private final Tally tally = new Tally();
        private String unavailable;

        private Side(ServerUnderTest server, List<Operation> operations, String unavailable) {
            this.server = server;
            this.operations = operations;
            this.unavailable = unavailable;
        }

        static Side prepare(Workload workload, ServerUnderTest server, Clients clients, String tpmName) {
            List<Operation> operations = new ArrayList<>();
            try {
                for (Tpm tpm : clients.tpms()) {
                    operations.add(workload.prepare(tpm));
                }
                return new Side(server, operations, null);
            } catch (TpmException e) {
                Optional<MissingCommand> missing = MissingCommand.of(e);
                Side side = new Side(server, operations, missing.map(m -> m.describe(tpmName))
                        .orElse("failed: " + e.getMessage()));
                side.close();
                return side;
            } catch (IOException e) {
                Side side = new Side(server, operations, "failed: " + e.getMessage());
                side.close();
                return side;
            }
        }

        void warmUp(Duration duration) {
            run(duration, null);
        }

        void measure(Duration duration) {
            run(duration, tally);
        }

        private void run(Duration duration, Tally into) {
            if (unavailable != null) {
                return;
            }
            try {
                Load.run(operations, duration, server, into);
            } catch (IOException e) {
                unavailable = "failed: " + e.getMessage();
            }
        }

        String rate() {
            return unavailable != null ? unavailable : MarkdownTable.rate(tally.operationsPerSecond());
        }

        String latencies() {
            return unavailable != null ? "" : tally.latencies();
        }

        String cpu() {
            return unavailable != null ? "" : MarkdownTable.micros(tally.cpuNanosPerOperation());
        }

        /** Removes what preparing left in the TPMs; a failure here only loses the clean-up. */
        void close() {
            for (Operation operation : operations) {
                try {
                    operation.close();
                } catch (TpmException | IOException e) {
                    System.err.println(server.name() + ": clean-up after a workload failed: " + e.getMessage());
                }
            }
            operations.clear();
        }
    }
}
