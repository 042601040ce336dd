package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs tpm2-tools, each as its own process in a working directory, against one TCTI: the tools
 * are an independent client, so a test only learns what their exit code and output say. Public
 * for the tests of the packaged jar, which live outside this package.
 */
public final class Tpm2Tools {

    private static final long TIMEOUT_SECONDS = 30;

    private final String tcti;
    private final Path directory;

    public Tpm2Tools(String tcti, Path directory) {
        this.tcti = tcti;
        this.directory = directory;
    }

    /** tpm2-tss's swtpm TCTI to a server's data port (its control port is the next one). */
    static Tpm2Tools swtpm(ServedTpm tpm, Path directory) {
        return new Tpm2Tools("swtpm:host=127.0.0.1,port=" + tpm.port(ServerChannel.SWTPM_DATA), directory);
    }

    static void requireInstalled() {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/tpm2_startup")),
                "tpm2-tools are required: apt-get install tpm2-tools");
    }

    /** Runs a tool that must succeed and answers with its standard output and error, interleaved. */
    public String run(String... command) throws IOException, InterruptedException {
        return runWithInput(new byte[0], command);
    }

    /** As {@link #run}, with {@code input} on the tool's standard input. */
    String runWithInput(byte[] input, String... command) throws IOException, InterruptedException {
        Result result = execute(input, command);
        assertEquals(0, result.exitCode(), command[0] + ": " + result.output());
        return result.output();
    }

    /** Runs a tool that must fail and answers with what it printed. */
    String fails(String... command) throws IOException, InterruptedException {
        Result result = execute(new byte[0], command);
        assertNotEquals(0, result.exitCode(), command[0] + " succeeded: " + result.output());
        return result.output();
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    private record Result(int exitCode, String output) {
    }

    private Result execute(byte[] input, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .directory(directory.toFile());
        builder.environment().put("TPM2TOOLS_TCTI", tcti);
        Process process = builder.start();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), command[0] + " did not finish");
            return new Result(process.exitValue(), out);
        } finally {
            process.destroyForcibly();
        }
    }
}
