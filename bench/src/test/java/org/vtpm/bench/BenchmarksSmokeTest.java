package org.vtpm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.vtpm.bench.density.DensityBenchmark;
import org.vtpm.bench.engine.EngineBenchmarks;
import org.vtpm.bench.report.Arguments;
import org.vtpm.bench.socket.SocketBenchmark;
import org.vtpm.bench.workload.Workload;

/**
 * Every benchmark for a few short iterations, so they keep compiling and working; the numbers
 * mean nothing here. A workload must either be measured or be reported as lacking an engine
 * command: an error in its cell fails the test.
 */
class BenchmarksSmokeTest {

    private static final Pattern RATE = Pattern.compile("[0-9][0-9,.]*");
    private static final String MISSING = "n/a (engine lacks TPM_CC_";

    @Test
    void engineBenchmarksMeasureEveryWorkloadTheEngineHas() throws Exception {
        String table = EngineBenchmarks.run(Arguments.parse(new String[] {"forks=0", "warmups=0", "iterations=1",
                "measure=20ms"}, EngineBenchmarks.KNOBS));
        for (Workload workload : Workload.values()) {
            String cell = cells(table, workload.label()).get(1);
            assertTrue(RATE.matcher(cell).matches() || cell.startsWith(MISSING), workload + ": " + cell);
        }
        assertTrue(RATE.matcher(cells(table, "state deserialize (Engine.restore)").get(1)).matches(), table);
        assertTrue(table.contains("state serialize (saveState, "), table);
    }

    @Test
    void socketBenchmarkComparesOurServerWithSwtpm() throws Exception {
        assumeTrue(onPath("swtpm"), "swtpm is not installed");
        List<Workload> workloads = List.of(Workload.GET_RANDOM, Workload.QUOTE_ECC, Workload.HMAC_SESSION);
        String table = SocketBenchmark.run(Arguments.parse(new String[] {"clients=1,2", "rounds=1", "warmup=0ms",
                "measure=100ms", "workloads=" + String.join(",", workloads.stream().map(Enum::name).toList())},
                SocketBenchmark.KNOBS));
        String[] sections = table.split("## ");
        assertEquals(3, sections.length, table);
        for (String section : Arrays.copyOfRange(sections, 1, sections.length)) {
            for (Workload workload : workloads) {
                List<String> cells = cells(section, workload.label());
                assertTrue(RATE.matcher(cells.get(1)).matches() || cells.get(1).startsWith(MISSING),
                        workload + " ours: " + cells);
                assertTrue(RATE.matcher(cells.get(2)).matches(), workload + " swtpm: " + cells);
                assertTrue(RATE.matcher(cells.get(8)).matches() || cells.get(8).startsWith(MISSING),
                        workload + " in process: " + cells);
            }
            List<String> random = cells(section, Workload.GET_RANDOM.label());
            assertTrue(random.get(3).endsWith("x") && random.get(6).matches("[0-9][0-9,.]*")
                    && random.get(7).matches("[0-9][0-9,.]*"), random.toString());
        }
    }

    @Test
    void densityBenchmarkReportsMemoryPerVtpm() throws Exception {
        boolean swtpm = onPath("swtpm");
        String table = DensityBenchmark.run(Arguments.parse(new String[] {"count=50", "swtpmCount=" + (swtpm ? 2 : 0)},
                DensityBenchmark.KNOBS));
        List<String> memory = cells(table, "memory per running vTPM");
        assertTrue(memory.get(1).matches("[0-9][0-9,.]* KiB heap after full GC"), memory.toString());
        if (swtpm) {
            assertTrue(memory.get(2).matches("[0-9][0-9,.]* KiB private \\(smaps_rollup\\)"), memory.toString());
        }
        assertEquals("50", cells(table, "vTPMs started").get(1));
    }

    /** The cells of the table row whose first cell is {@code label}. */
    private static List<String> cells(String table, String label) {
        for (String line : table.split("\n")) {
            if (line.startsWith("| " + label + " |")) {
                String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
                return Arrays.stream(cells).map(String::trim).toList();
            }
        }
        throw new AssertionError("no row '" + label + "' in:\n" + table);
    }

    private static boolean onPath(String executable) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, executable)));
    }
}
