package org.vtpm.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.eventlog.RealLogs;

/** The packaged {@code target/vtpm.jar}, run as users run it: {@code java -jar vtpm.jar ...}. */
class VtpmJarIT {

    private static final long TIMEOUT_SECONDS = 60;

    @Test
    void eventlogPrintsJsonFromTheShadedJar(@TempDir Path dir) throws Exception {
        Result result = run(dir, "eventlog", "--json", RealLogs.path(RealLogs.CRYPTO_AGILE).toString());

        assertEquals(0, result.exitCode(), result.err());
        try (JsonReader reader = Json.createReader(new StringReader(result.out()))) {
            JsonObject json = reader.readObject();
            assertEquals("1536de221b2187a421602cd81f43aa04496b0bd5a424d3b25b637a942080d0fa",
                    json.getJsonObject("banks").getJsonObject("sha256").getString("0"));
            assertEquals(27, json.getJsonArray("events").size());
        }
    }

    @Test
    void exitCodesReachTheShell(@TempDir Path dir) throws Exception {
        assertEquals(2, run(dir, "eventlog").exitCode());
        assertEquals(1, run(dir, "eventlog", dir.resolve("absent.bin").toString()).exitCode());
        Result text = run(dir, "eventlog", RealLogs.path(RealLogs.SHORT_NO_ACTION).toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("no-measurements"), text.out());
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(Path dir, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("vtpm.jar", "target/vtpm.jar"));
        assertTrue(Files.isRegularFile(jar), "package the module first: no " + jar.toAbsolutePath());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "vtpm.jar did not finish in time");
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
