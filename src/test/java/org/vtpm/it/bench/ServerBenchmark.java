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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;

/**
 * The server benchmark of {@code bench/run.sh}: never part of the test command (its name does not
 * end in IT; {@code -Dit.test=ServerBenchmark} runs it). Measures, through REST and the
 * EJBs on the provisioned server, the latency of creating a vTPM with an ECC EK and its
 * certificate (seeds, EK and AK in the vTPM, two certificates signed in the pTPM, encrypted state
 * committed) and the rate of full and deep attestations, and appends a table to the file
 * {@code vtpm.bench.out} names.
 */
@ExtendWith(ArquillianExtension.class)
class ServerBenchmark {

    @Deployment(testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Test
    void createAndAttest() throws Exception {
        int warmups = Integer.getInteger("vtpm.bench.warmups", 10);
        int creates = Integer.getInteger("vtpm.bench.creates", 100);
        Api admin = Api.asAdmin();
        for (int i = 0; i < warmups; i++) {
            created(admin);
        }
        long[] nanos = new long[creates];
        for (int i = 0; i < creates; i++) {
            long start = System.nanoTime();
            created(admin);
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
        rows.add(attestations(admin, false, database));
        rows.add(attestations(admin, true, database));
        report(rows);
    }

    /**
     * Full attestations (nonce, TPM2_Quote by the AK, signature, PCR and policy checks, the
     * result signed by the manager CA in the pTPM and stored) of running vTPMs by two clients, as
     * many as the machine has cores here; deep ones add the host pTPM's quote.
     */
    private static String attestations(Api admin, boolean deep, String database) throws Exception {
        int count = Integer.getInteger("vtpm.bench.attestations", 200);
        int clients = 2;
        List<String> vtpms = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = created(admin);
            Api.Reply started = admin.postJson("/api/v1/vtpms/" + id + "/start", "");
            assertEquals(200, started.status(), started.toString());
            JsonObject endpoint = started.object().getJsonObject("endpoint");
            // the guest's firmware would start the TPM up before anything attests it
            Tpm2Cli.swtpm(endpoint.getString("host"), endpoint.getInt("port"), Path.of(".")).run("tpm2_startup", "-c");
            vtpms.add(id);
        }
        for (int i = 0; i < count / 4; i++) {
            attest(admin, vtpms.get(i % vtpms.size()), deep);
        }
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        attest(admin, vtpms.get(i % vtpms.size()), deep);
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s attestation, 2 clients on 4 running vTPMs (%s), %d runs | %.1f | %.1f | %.1f |",
                deep ? "deep (vTPM + host pTPM)" : "full", database, count, millis(nanos[count / 2]),
                millis(nanos[(int) (count * 0.99)]), count / seconds);
    }

    private static void attest(Api admin, String id, boolean deep) throws Exception {
        Api.Reply result = admin.postJson("/api/v1/vtpms/" + id + "/attestations", "{\"deep\":" + deep + "}");
        assertEquals(201, result.status(), result.toString());
        assertEquals("PASS", result.object().getString("verdict"), result.toString());
    }

    private static String row(String operation, long[] nanos) {
        Arrays.sort(nanos);
        return String.format(Locale.ROOT, "| %s, %d runs | %.1f | %.1f | %.1f |", operation, nanos.length,
                millis(nanos[nanos.length / 2]), millis(nanos[(int) (nanos.length * 0.99)]),
                nanos.length / (Arrays.stream(nanos).sum() / 1e9));
    }

    private static String created(Api admin) throws IOException, InterruptedException {
        Api.Reply created = admin.postJson("/api/v1/vtpms",
                "{\"name\":\"bench-" + UUID.randomUUID() + "\",\"ek\":[\"ECC_P256\"]}");
        assertEquals(201, created.status(), created.toString());
        return created.object().getString("id");
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
