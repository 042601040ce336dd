package org.vtpm.manager.keys;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code openssl verify}, the relying parties' view of the manager CA's certificates. */
final class Openssl {

    private Openssl() {
    }

    record Result(int exitCode, String output) {
    }

    /** {@code openssl verify -CAfile ca.pem cert.pem} on certificates written to {@code directory}. */
    static Result verify(Path directory, X509Certificate ca, X509Certificate certificate) throws Exception {
        Path caFile = pem(directory.resolve("ca.pem"), ca);
        Path certificateFile = pem(directory.resolve("certificate.pem"), certificate);
        return run("openssl", "verify", "-CAfile", caFile.toString(), certificateFile.toString());
    }

    /** {@code openssl verify -CAfile ca.pem} of a DER certificate file (converted to PEM first). */
    static Result verifyDer(Path directory, X509Certificate ca, Path derFile) throws Exception {
        Path caFile = pem(directory.resolve("ca.pem"), ca);
        Path pemFile = directory.resolve(derFile.getFileName() + ".pem");
        Result converted = run("openssl", "x509", "-inform", "DER", "-in", derFile.toString(), "-out",
                pemFile.toString());
        if (converted.exitCode() != 0) {
            return converted;
        }
        return run("openssl", "verify", "-CAfile", caFile.toString(), pemFile.toString());
    }

    private static Path pem(Path file, X509Certificate certificate) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n");
    }

    static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), command[0] + " did not finish");
            return new Result(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
