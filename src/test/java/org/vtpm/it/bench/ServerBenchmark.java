package org.vtpm.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;

/**
 * The server benchmark of {@code bench/run.sh}: never part of the test command (its name does not
 * end in IT; {@code -Dit.test=ServerBenchmark} runs it). Measures, through REST and the
 * lifecycle EJB on the provisioned server, the latency of creating a vTPM with an ECC EK and its
 * certificate (seeds, EK and AK in the vTPM, two certificates signed in the pTPM, encrypted state
 * committed), and appends a table to the file {@code vtpm.bench.out} names.
 */
@ExtendWith(ArquillianExtension.class)
class ServerBenchmark {

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void createLatency() throws Exception {
        int warmups = Integer.getInteger("vtpm.bench.warmups", 10);
        int creates = Integer.getInteger("vtpm.bench.creates", 100);
        Api admin = Api.asAdmin();
        for (int i = 0; i < warmups; i++) {
            create(admin);
        }
        long[] nanos = new long[creates];
        for (int i = 0; i < creates; i++) {
            long start = System.nanoTime();
            create(admin);
            nanos[i] = System.nanoTime() - start;
        }
        long[] baseline = new long[creates];
        for (int i = 0; i < creates; i++) {
            long start = System.nanoTime();
            assertEquals(200, admin.get("/api/v1/hosts").status());
            baseline[i] = System.nanoTime() - start;
        }
        String database = System.getProperty("vtpm.it.database", "h2");
        List<String> rows = new ArrayList<>();
        rows.add(row("vTPM create, ECC EK + AK + certificates (" + database + ")", nanos));
        rows.add(row("of which HTTP + Basic authentication (an authenticated GET /hosts, " + database + ")", baseline));
        report(rows);
    }

    private static String row(String operation, long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s, %d runs | %.1f | %.1f | %.1f |", operation, nanos.length,
                millis(nanos[nanos.length / 2]), millis(nanos[(int) (nanos.length * 0.99)]),
                nanos.length / (Arrays.stream(nanos).sum() / 1e9));
    }

    private static void create(Api admin) throws IOException, InterruptedException {
        Api.Reply created = admin.postJson("/api/v1/vtpms",
                "{\"name\":\"bench-" + UUID.randomUUID() + "\",\"ek\":[\"ECC_P256\"]}");
        assertEquals(201, created.status(), created.toString());
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void report(List<String> rows) throws IOException {
        String out = System.getProperty("vtpm.bench.out");
        if (out == null) {
            rows.forEach(System.out::println);
            return;
        }
        Path file = Path.of(out);
        if (!Files.exists(file)) {
            Files.writeString(file, "| server operation | p50 ms | p99 ms | per second |\n|---|---|---|---|\n",
                    StandardCharsets.UTF_8);
        }
        Files.write(file, rows, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
