package org.vtpm.tpm.transport.swtpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.HandBuiltCommands;

/**
 * tpm2-tools reach a launched swtpm through tpm2-tss's {@code swtpm} TCTI, which takes the control
 * channel to be on the port after the data channel.
 */
class Tpm2ToolsInteropTest {

    @Test
    void tpm2ToolsUseTheLaunchedSwtpm() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/tpm2_pcrread")), "tpm2-tools are required: apt-get install tpm2-tools");
        try (SwtpmProcess swtpm = SwtpmProcess.start()) {
            assertEquals(swtpm.dataPort() + 1, swtpm.controlPort());
            byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {0x5A});
            try (SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
                assertEquals(0, HandBuiltCommands.responseCode(
                        tpm.transmit(HandBuiltCommands.pcrExtendSha256(16, digest))));
            }
            String tcti = "swtpm:host=127.0.0.1,port=" + swtpm.dataPort();
            String out = run(List.of("tpm2_pcrread", "-T", tcti, "sha256:16"));
            String expected = HexFormat.of().withUpperCase().formatHex(HashAlgorithm.SHA256.hash(new byte[32], digest));
            assertTrue(out.contains("0x" + expected), out);
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "tpm2-tools did not finish");
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
