package org.vtpm.bench.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.vtpm.bench.report.Arguments;
import org.vtpm.bench.report.MarkdownTable;
import org.vtpm.bench.workload.MissingCommand;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.wire.TpmException;

/**
 * Runs the JMH benchmarks of the engine and writes their table: first each workload is tried on a
 * fresh engine, and those whose commands the engine lacks are listed as not applicable instead of
 * being handed to JMH.
 *
 * <p>Arguments ({@code key=value}): {@code forks}, {@code warmups} and {@code iterations} (counts),
 * {@code warmup} and {@code measure} (time per iteration), {@code out} (the Markdown file).
 */
public final class EngineBenchmarks {

    /** The argument names it takes. */
    public static final Set<String> KNOBS = Set.of("forks", "warmups", "warmup", "iterations", "measure", "out");

    private EngineBenchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, KNOBS);
        String table = run(arguments);
        Path out = arguments.path("out", null);
        if (out == null) {
            System.out.print(table);
        } else {
            Files.writeString(out, table, StandardCharsets.UTF_8);
        }
    }

    /** Runs everything the arguments select and returns the Markdown section. */
    public static String run(Arguments arguments) throws RunnerException, TpmException, IOException {
        Map<Workload, MissingCommand> missing = probe();
        List<String> available = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            if (!missing.containsKey(workload)) {
                available.add(workload.name());
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(EngineStateBenchmark.class.getName())
                .forks(arguments.integer("forks", 1))
                .warmupIterations(arguments.integer("warmups", 2))
                .warmupTime(TimeValue.milliseconds(arguments.duration("warmup", Duration.ofSeconds(1))
                        .toMillis()))
                .measurementIterations(arguments.integer("iterations", 3))
                .measurementTime(TimeValue.milliseconds(arguments.duration("measure", Duration.ofSeconds(1))
                        .toMillis()))
                .timeUnit(TimeUnit.SECONDS)
                .shouldFailOnError(true);
        if (!available.isEmpty()) {
            options.include(EngineOperationBenchmark.class.getName())
                    .param("workload", available.toArray(String[]::new));
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<Workload, Result<?>> byWorkload = new EnumMap<>(Workload.class);
        Result<?> serialize = null;
        Result<?> deserialize = null;
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            if (benchmark.startsWith(EngineOperationBenchmark.class.getName())) {
                byWorkload.put(Workload.valueOf(result.getParams().getParam("workload")), result.getPrimaryResult());
            } else if (benchmark.endsWith(".serialize")) {
                serialize = result.getPrimaryResult();
            } else if (benchmark.endsWith(".deserialize")) {
                deserialize = result.getPrimaryResult();
            }
        }
        return render(byWorkload, missing, serialize, deserialize, guestStateSize());
    }

    /** Which workloads the engine cannot run, and the command it lacks for each. */
    static Map<Workload, MissingCommand> probe() throws TpmException, IOException {
        Map<Workload, MissingCommand> missing = new EnumMap<>(Workload.class);
        SecureRandom entropy = new SecureRandom();
        for (Workload workload : Workload.values()) {
            StartedEngine started = StartedEngine.manufacture(entropy, "probe");
            try {
                workload.prepare(started.tpm()).close();
            } catch (TpmException e) {
                Optional<MissingCommand> lack = MissingCommand.of(e);
                if (lack.isEmpty()) {
                    throw e;
                }
                missing.put(workload, lack.get());
            }
        }
        return missing;
    }

    private static int guestStateSize() throws TpmException, IOException {
        return GuestState.build(new SecureRandom()).saveState().length;
    }

    private static String render(Map<Workload, Result<?>> byWorkload, Map<Workload, MissingCommand> missing,
            Result<?> serialize, Result<?> deserialize, int stateSize) {
        MarkdownTable table = new MarkdownTable("operation (in process, through the client)", "ops/s",
                "± (99.9%)", "µs/op");
        for (Workload workload : Workload.values()) {
            if (missing.containsKey(workload)) {
                String cell = missing.get(workload).describe("engine");
                table.row(workload.label(), cell, "", "");
            } else {
                row(table, workload.label(), byWorkload.get(workload));
            }
        }
        row(table, "state serialize (saveState, " + stateSize + " bytes)", serialize);
        row(table, "state deserialize (Engine.restore)", deserialize);
        return "## Engine in process (JMH)\n\n" + table.render() + "\n";
    }

    private static void row(MarkdownTable table, String label, Result<?> result) {
        if (result == null) {
            table.row(label, "not run", "", "");
            return;
        }
        double score = result.getScore();
        double error = result.getScoreError();
        table.row(label, MarkdownTable.rate(score), Double.isNaN(error) ? "" : MarkdownTable.rate(error),
                MarkdownTable.micros(1e9 / score));
    }
}
