package org.vtpm.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * tpm2-tools run as a process against a TPM socket (swtpm protocol), as an operator or a guest
 * would run them: an independent client of our vTPMs.
 */
public final class Tpm2Cli {

    private final String tcti;
    private final Path workDirectory;

    private Tpm2Cli(String tcti, Path workDirectory) {
        this.tcti = tcti;
        this.workDirectory = workDirectory;
    }

    /** For the TPM at {@code host:port} (data channel; the control channel at port + 1). */
    public static Tpm2Cli swtpm(String host, int port, Path workDirectory) {
        return new Tpm2Cli("swtpm:host=" + host + ",port=" + port, workDirectory);
    }

    /** Runs a command that must succeed; returns what it printed. */
    public String run(String... command) throws IOException, InterruptedException {
        Result result = attempt(command);
        assertTrue(result.exitCode() == 0, String.join(" ", command) + " failed: " + result.output());
        return result.output();
    }

    /** Runs a command whatever its outcome. */
    public Result attempt(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDirectory.toFile());
        builder.environment().put("TPM2TOOLS_TCTI", tcti);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    public record Result(int exitCode, String output) {
    }
}
