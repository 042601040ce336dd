package org.vtpm.bench.density;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vtpm.bench.engine.StartedEngine;
import org.vtpm.bench.report.Arguments;
import org.vtpm.bench.report.Durations;
import org.vtpm.bench.report.MarkdownTable;
import org.vtpm.bench.workload.MissingCommand;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.client.PasswordSession;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EkTemplate;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmException;

/**
 * How many vTPMs fit: N engines started in this JVM (manufacture and TPM2_Startup, then a
 * PCR_Extend on each), the heap they hold after a full GC, and the time per start; then an ECC EK
 * (TCG template L-2) created on each; and the same for M swtpm processes, with each one's private
 * memory. Run it in a JVM of its own: the heap figures are differences against this JVM's
 * baseline.
 *
 * <p>Arguments ({@code key=value}): {@code count} (vTPMs in this JVM, default 10000),
 * {@code swtpmCount} (swtpm processes, default 100; 0 for none), {@code swtpm} (its executable),
 * {@code out}.
 */
public final class DensityBenchmark {

    /** The argument names it takes. */
    public static final Set<String> KNOBS = Set.of("count", "swtpmCount", "swtpm", "out");
    private static final int GC_PASSES = 3;
    private static final long GC_PAUSE_MILLIS = 200;
    private static final CreatePrimary ECC_EK = new CreatePrimary(Handle.RH_ENDORSEMENT, Tpm2b.of(SensitiveCreate.EMPTY),
            Tpm2b.of(EkTemplate.L2.template()), Data.EMPTY, PcrSelectionList.EMPTY);

    private DensityBenchmark() {
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

    public static String run(Arguments arguments) throws TpmException, IOException, InterruptedException {
        int count = arguments.integer("count", 10_000);
        int swtpmCount = arguments.integer("swtpmCount", 100);
        if (count < 1 || swtpmCount < 0) {
            throw new IllegalArgumentException("count must be at least 1 and swtpmCount at least 0");
        }
        Column ours = engines(count);
        Optional<Column> swtpm = swtpmCount == 0 ? Optional.empty()
                : Optional.of(swtpms(swtpmCount, arguments.string("swtpm", "swtpm")));

        MarkdownTable table = new MarkdownTable("", "ours: engines in one JVM", "swtpm: one process each");
        table.row("vTPMs started", Integer.toString(count), swtpm.map(c -> Integer.toString(c.count)).orElse("not run"));
        table.row("start p50 / p99 ms", ours.starts.millisP50P99(), swtpm.map(c -> c.starts.millisP50P99()).orElse(""));
        table.row("memory per running vTPM", MarkdownTable.kib(ours.bytesPerVtpm) + " heap after full GC",
                swtpm.map(c -> MarkdownTable.kib(c.bytesPerVtpm) + " private (smaps_rollup)").orElse(""));
        table.row("ECC EK CreatePrimary (L-2) p50 / p99 ms", ours.ekCell(), swtpm.map(Column::ekCell).orElse(""));
        table.row("memory per vTPM after its EK", ours.bytesAfterEk < 0 ? "" : MarkdownTable.kib(ours.bytesAfterEk)
                + " heap after full GC", "");
        table.row("whole JVM, private memory", MarkdownTable.kib(ours.processBytes) + " for " + count + " vTPMs", "");
        return "## Density\n\n" + table.render() + "\n";
    }

    private static Column engines(int count) throws TpmException, IOException, InterruptedException {
        SecureRandom entropy = new SecureRandom();
        Column column = new Column(count);
        long baseline = heapAfterFullGc();
        List<StartedEngine> running = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            StartedEngine engine = StartedEngine.manufacture(entropy, "vtpm-" + i);
            column.starts.add(System.nanoTime() - start);
            Workload.PCR_EXTEND.prepare(engine.tpm()).close();
            running.add(engine);
        }
        column.bytesPerVtpm = (double) (heapAfterFullGc() - baseline) / count;
        for (StartedEngine engine : running) {
            if (!column.createEk(engine.tpm())) {
                break;
            }
        }
        if (!column.eks.isEmpty()) {
            column.bytesAfterEk = (double) (heapAfterFullGc() - baseline) / count;
        }
        column.processBytes = PrivateMemory.of("self");
        // The engines must stay reachable through every measurement above.
        Reference.reachabilityFence(running);
        return column;
    }

    private static Column swtpms(int count, String executable) throws TpmException, IOException {
        Column column = new Column(count);
        List<SwtpmProcess> processes = new ArrayList<>(count);
        SwtpmOptions options = SwtpmOptions.defaults().withExecutable(executable);
        try {
            long memory = 0;
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                SwtpmProcess process = SwtpmProcess.start(options);
                column.starts.add(System.nanoTime() - start);
                processes.add(process);
                try (Tpm tpm = new Tpm(process.openDataChannel())) {
                    Workload.PCR_EXTEND.prepare(tpm).close();
                    column.createEk(tpm);
                }
            }
            for (SwtpmProcess process : processes) {
                memory += PrivateMemory.of(Long.toString(process.pid()));
            }
            column.bytesPerVtpm = (double) memory / count;
            return column;
        } finally {
            for (SwtpmProcess process : processes) {
                process.close();
            }
        }
    }

    /** Used heap after asking for full collections until the figure settles. */
    private static long heapAfterFullGc() throws InterruptedException {
        for (int i = 0; i < GC_PASSES; i++) {
            System.gc();
            Thread.sleep(GC_PAUSE_MILLIS);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** One side's figures. */
    private static final class Column {
        final int count;
        final Durations starts;
        final Durations eks;
        MissingCommand missingEk;
        double bytesPerVtpm;
        double bytesAfterEk = -1;
        long processBytes;

        Column(int count) {
            this.count = count;
            this.starts = new Durations();
            this.eks = new Durations();
        }

        /** Creates the ECC EK and flushes it; false when the TPM lacks a command for it. */
        boolean createEk(Tpm tpm) throws TpmException, IOException {
            try {
                long start = System.nanoTime();
                CreatePrimaryResponse ek = tpm.execute(ECC_EK, PasswordSession.empty());
                eks.add(System.nanoTime() - start);
                tpm.execute(new FlushContext(ek.objectHandle()));
                return true;
            } catch (TpmException e) {
                missingEk = MissingCommand.of(e).orElseThrow(() -> e);
                return false;
            }
        }

        String ekCell() {
            if (missingEk != null) {
                return missingEk.describe("TPM");
            }
            return eks.millisP50P99();
        }
    }
}
