package org.vtpm.tpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.eventlog.RealLogs;

/** The launcher run in-process: dispatch, usage errors and the eventlog command's output. */
class MainTest {

    @Test
    void helpListsTheCommands() {
        CommandLine run = CommandLine.run("--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("usage: vtpm COMMAND"), run.out());
        assertTrue(run.out().contains("eventlog"), run.out());
    }

    @Test
    void commandHelpShowsItsUsage() {
        for (CommandLine run : new CommandLine[] {CommandLine.run("help", "eventlog"), CommandLine.run("eventlog", "--help")}) {
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("usage: vtpm eventlog [--json] FILE"), run.out());
        }
    }

    @Test
    void wrongCommandLinesAreUsageErrors() {
        assertUsageError(CommandLine.run(), "no command given");
        assertUsageError(CommandLine.run("frobnicate"), "unknown command 'frobnicate'");
        assertUsageError(CommandLine.run("help", "frobnicate"), "unknown command 'frobnicate'");
        assertUsageError(CommandLine.run("eventlog"), "no FILE given");
        assertUsageError(CommandLine.run("eventlog", "--yaml", "x.bin"), "unknown option '--yaml'");
        assertUsageError(CommandLine.run("eventlog", "a.bin", "b.bin"), "only one FILE may be given");
    }

    private static void assertUsageError(CommandLine run, String message) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("usage: vtpm"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnreadableFileFailsWithExitCode1(@TempDir Path dir) {
        CommandLine missing = CommandLine.run("eventlog", dir.resolve("absent.bin").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("cannot read"), missing.err());

        CommandLine directory = CommandLine.run("eventlog", dir.toString());
        assertEquals(1, directory.exitCode());
        assertTrue(directory.err().contains("directory"), directory.err());
    }

    @Test
    void theTextReportListsEventsReplayedPcrsAndProblems() {
        CommandLine run = CommandLine.run("eventlog", RealLogs.path(RealLogs.EBS_MISSING).toString());

        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.startsWith("Event log: sha1-log, banks sha1"), out);
        assertTrue(out.contains("Events (38)"), out);
        assertTrue(out.matches("(?s).*\\n\\s+2\\s+7\\s+EV_EFI_VARIABLE_DRIVER_CONFIG\\s+SecureBoot "
                + "\\{8be4df61-93ca-11d2-aa0d-00e098032b8c\\} 1 byte\\n.*"), out);
        assertTrue(out.contains("sha1     57cd4dc19442475aa82743484f3b1caa88e142b8"), out);
        assertTrue(out.contains("\n     7  c6b89634b1d11a0083298c17acec8fd9ab266db6\n"), out);
        assertTrue(out.contains("Problems (1)\n  missing-exit-boot-services: "), out);
    }

    @Test
    void theJsonReportHasBanksEventsAndProblems() {
        CommandLine run = CommandLine.run("eventlog", "--json", RealLogs.path(RealLogs.COREOS).toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = parse(run.out());
        assertEquals("crypto-agile", json.getString("format"));
        JsonObject banks = json.getJsonObject("banks");
        assertEquals(Set.of("sha1", "sha256", "sha384"), banks.keySet());
        assertEquals("9340551428472c4820d41f51368427f5d1620b3e7d2081cf8859e7e220554bcd",
                banks.getJsonObject("sha256").getString("7"));
        assertEquals(banks.getJsonObject("sha1").keySet(), banks.getJsonObject("sha256").keySet());
        JsonArray events = json.getJsonArray("events");
        assertEquals(76, events.size());
        JsonObject header = events.getJsonObject(0);
        assertEquals("EV_NO_ACTION", header.getString("type"));
        assertEquals("Spec ID Event03", header.getJsonObject("data").getString("signature"));
        JsonObject ebs = events.stream().map(JsonObject.class::cast)
                .filter(event -> event.getString("type").equals("EV_EFI_ACTION")
                        && event.getJsonObject("data").getString("text").equals("Exit Boot Services Invocation"))
                .findFirst().orElseThrow();
        assertEquals(5, ebs.getInt("pcr"));
        assertEquals(3, ebs.getJsonObject("digests").size());
        assertTrue(json.getJsonArray("problems").isEmpty());
    }

    @Test
    void theJsonReportOfAnOddLogCarriesItsProblems() {
        CommandLine run = CommandLine.run("eventlog", "--json", RealLogs.path(RealLogs.SHORT_NO_ACTION).toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = parse(run.out());
        assertEquals(3, json.getInt("startupLocality"));
        assertEquals("no-measurements", json.getJsonArray("problems").getJsonObject(0).getString("kind"));
        assertTrue(json.getJsonObject("banks").getJsonObject("sha1").isEmpty());
    }

    @Test
    void aTruncatedLogIsReportedWithExitCode0(@TempDir Path dir) throws Exception {
        byte[] log = RealLogs.bytes(RealLogs.CRYPTO_AGILE);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, Arrays.copyOf(log, 1000));

        CommandLine run = CommandLine.run("eventlog", "--json", cut.toString());

        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = parse(run.out());
        assertEquals(false, json.getBoolean("complete"));
        JsonObject problem = json.getJsonArray("problems").getJsonObject(0);
        assertEquals("truncated", problem.getString("kind"));
        assertTrue(problem.getBoolean("endsParsing"));
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
