package org.vtpm.bench.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.vtpm.bench.report.Arguments;
import org.vtpm.bench.report.MarkdownTable;
import org.vtpm.bench.workload.MissingCommand;
import org.vtpm.bench.workload.Operation;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;
import org.vtpm.tpm.wire.TpmException;

/**
 * Our socket server against swtpm, through the same client sending the same command bytes over
 * swtpm's socket protocol on loopback. For each workload both sides are warmed up, then measured
 * in alternating rounds (ours first in odd rounds, swtpm first in even ones), so that a burst of
 * load from elsewhere on the machine does not fall on one side only.
 *
 * <p>With one client, ours is {@code vtpm.jar socket} started with swtpm's command line, exactly
 * as swtpm is. With N clients (N threads, each on its own connection to its own vTPM), ours is one
 * JVM serving N vTPMs ({@link EngineFarm}) and swtpm is N processes.
 *
 * <p>Arguments ({@code key=value}): {@code clients} (comma-separated counts, default 1,4),
 * {@code rounds}, {@code warmup}, {@code measure} (per round and side), {@code workloads}
 * (comma-separated {@link Workload} names), {@code vtpmJar} (ours with one client; without it the
 * server runs from {@code classpath}), {@code classpath} (of the engine farm), {@code serverJvm}
 * (space-separated JVM options of our servers), {@code swtpm} (its executable), {@code rates}
 * (in-process rates from the engine benchmark, for the last two columns), {@code out}.
 */
public final class SocketBenchmark {

    /** The argument names it takes. */
    public static final Set<String> KNOBS = Set.of("clients", "rounds", "warmup", "measure", "workloads", "vtpmJar",
            "classpath", "serverJvm", "swtpm", "rates", "out");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final String TPM_MAIN = "org.vtpm.tpm.Main";

    private final Arguments arguments;
    private final ProcessCpu cpu;
    private final List<Workload> workloads;
    private final int rounds;
    private final Duration warmup;
    private final Duration measure;
    private final Map<Workload, Double> inProcessRates;

    private SocketBenchmark(Arguments arguments) throws IOException {
        this.arguments = arguments;
        this.cpu = ProcessCpu.system();
        this.workloads = arguments.list("workloads", Arrays.stream(Workload.values()).map(Enum::name).toList())
                .stream().map(Workload::valueOf).toList();
        this.rounds = arguments.integer("rounds", 2);
        this.warmup = arguments.duration("warmup", Duration.ofSeconds(1));
        this.measure = arguments.duration("measure", Duration.ofSeconds(2));
        this.inProcessRates = readRates(arguments.path("rates", null));
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
                Clients oursClients = Clients.connect(ours);
                Clients swtpmClients = Clients.connect(swtpm)) {
            MarkdownTable table = clients == 1 && !inProcessRates.isEmpty()
                    ? new MarkdownTable("operation", "ours ops/s", "swtpm ops/s", "ours/swtpm", "ours p50 / p99 µs",
                            "swtpm p50 / p99 µs", "ours CPU µs/op", "swtpm CPU µs/op", "in-process ops/s",
                            "in-process/ours")
                    : new MarkdownTable("operation", "ours ops/s", "swtpm ops/s", "ours/swtpm", "ours p50 / p99 µs",
                            "swtpm p50 / p99 µs", "ours CPU µs/op", "swtpm CPU µs/op");
            for (Workload workload : workloads) {
                table.row(measure(workload, ours, oursClients, swtpm, swtpmClients, clients == 1));
            }
            String heading = clients == 1
                    ? "## Socket, one client: `vtpm.jar socket` against swtpm\n\n"
                    : "## Socket, " + clients + " concurrent clients on " + clients + " vTPMs: one JVM of ours"
                            + " against " + clients + " swtpm processes\n\n";
            return heading + table.render() + "\n";
        } finally {
            deleteTree(launchers);
        }
    }

    private String[] measure(Workload workload, ServerUnderTest ours, Clients oursClients, ServerUnderTest swtpm,
            Clients swtpmClients, boolean withInProcess) {
        Side oursSide = Side.prepare(workload, ours, oursClients, "engine");
        Side swtpmSide = Side.prepare(workload, swtpm, swtpmClients, "swtpm");
        try {
            for (Side side : List.of(oursSide, swtpmSide)) {
                side.warmUp(warmup);
            }
            for (int round = 0; round < rounds; round++) {
                List<Side> order = round % 2 == 0 ? List.of(oursSide, swtpmSide) : List.of(swtpmSide, oursSide);
                for (Side side : order) {
                    side.measure(measure);
                }
            }
        } finally {
            oursSide.close();
            swtpmSide.close();
        }
        List<String> cells = new ArrayList<>(List.of(workload.label(), oursSide.rate(), swtpmSide.rate(),
                ratio(oursSide, swtpmSide), oursSide.latencies(), swtpmSide.latencies(), oursSide.cpu(),
                swtpmSide.cpu()));
        if (withInProcess && !inProcessRates.isEmpty()) {
            Double inProcess = inProcessRates.get(workload);
            cells.add(inProcess == null ? "n/a" : MarkdownTable.rate(inProcess));
            cells.add(inProcess == null || oursSide.tally.isEmpty() ? ""
                    : MarkdownTable.ratio(inProcess / oursSide.tally.operationsPerSecond()));
        }
        return cells.toArray(String[]::new);
    }

    private static String ratio(Side ours, Side swtpm) {
        if (ours.tally.isEmpty() || swtpm.tally.isEmpty()) {
            return "";
        }
        return MarkdownTable.ratio(ours.tally.operationsPerSecond() / swtpm.tally.operationsPerSecond());
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

    private static Map<Workload, Double> readRates(Path file) throws IOException {
        Map<Workload, Double> rates = new EnumMap<>(Workload.class);
        if (file == null || !Files.exists(file)) {
            return rates;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length == 2) {
                rates.put(Workload.valueOf(fields[0]), Double.parseDouble(fields[1]));
            }
        }
        return rates;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** One client connection per vTPM of a server. */
    private record Clients(List<Tpm> tpms) implements AutoCloseable {

        static Clients connect(ServerUnderTest server) {
            List<Tpm> tpms = new ArrayList<>();
            for (SocketAddress address : server.dataChannels()) {
                tpms.add(new Tpm(new SwtpmSocketTransport(address, Timeouts.DEFAULT,
                        TpmFrames.DEFAULT_MAX_RESPONSE_SIZE)));
            }
            return new Clients(tpms);
        }

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
            return unavailable != null ? "" : MarkdownTable.micros(tally.p50()) + " / " + MarkdownTable.micros(tally.p99());
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
