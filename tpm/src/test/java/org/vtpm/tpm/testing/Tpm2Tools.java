package org.vtpm.tpm.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tpm2-tools commands against a TCTI, as interoperability tests do. */
public final class Tpm2Tools {

    private static final byte[] NO_INPUT = new byte[0];

    private Tpm2Tools() {
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/tpm2_startup"));
    }

    /** As {@link #run(Path, String, String...)} in the test's working directory. */
    public static String run(String tcti, String... command) throws Exception {
        return run(null, tcti, command);
    }

    /**
     * Runs {@code command} in {@code directory} with {@code TPM2TOOLS_TCTI=tcti} and returns its
     * output, failing the test unless it exits with 0 within 30 s.
     */
    public static String run(Path directory, String tcti, String... command) throws Exception {
        return runWithInput(directory, tcti, NO_INPUT, command);
    }

    /** As {@link #run(Path, String, String...)}, with {@code input} on the tool's standard input. */
    public static String runWithInput(Path directory, String tcti, byte[] input, String... command)
            throws Exception {
        Result result = execute(directory, tcti, input, command);
        assertEquals(0, result.exitCode(), command[0] + ": " + result.output());
        return result.output();
    }

    /** As {@link #run(Path, String, String...)} for a command that must exit with an error. */
    public static String fails(Path directory, String tcti, String... command) throws Exception {
        Result result = execute(directory, tcti, NO_INPUT, command);
        assertNotEquals(0, result.exitCode(), command[0] + " succeeded: " + result.output());
        return result.output();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result execute(Path directory, String tcti, byte[] input, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .directory(directory == null ? null : directory.toFile());
        builder.environment().put("TPM2TOOLS_TCTI", tcti);
        Process process = builder.start();
        try {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), command[0] + " did not finish");
            return new Result(process.exitValue(), out);
        } finally {
            process.destroyForcibly();
        }
    }
}
