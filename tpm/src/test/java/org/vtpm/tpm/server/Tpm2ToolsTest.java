package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.testing.Tpm2Tools;

/**
 * tpm2-tools through tpm2-tss's {@code swtpm} and {@code mssim} TCTIs against the server, with
 * libtpms and with the Java engine behind it: each tool is a new process with new connections, so
 * PCRs, saved contexts and sessions must outlive them.
 */
class Tpm2ToolsTest {

    @TempDir
    Path stateDirectory;

    @TempDir
    Path work;

    @BeforeAll
    static void toolsInstalled() {
        assertTrue(Tpm2Tools.installed(), "tpm2-tools are required: apt-get install tpm2-tools");
    }

    @ParameterizedTest
    @CsvSource({"LIBTPMS, SWTPM", "LIBTPMS, MSSIM", "ENGINE, SWTPM", "ENGINE, MSSIM"})
    void toolsWorkThroughBothTctis(ServedTpm.Backend backend, ServedTpm.Protocol protocol) throws Exception {
        try (ServedTpm tpm = ServedTpm.start(stateDirectory, protocol, ServerOptions.defaults(), backend)) {
            if (protocol == ServedTpm.Protocol.SWTPM) {
                tpm.platform.init(false);
            }
            int port = tpm.port(protocol == ServedTpm.Protocol.SWTPM ? ServerChannel.SWTPM_DATA
                    : ServerChannel.MSSIM_COMMAND);
            String tcti = protocol.name().toLowerCase() + ":host=127.0.0.1,port=" + port;

            tool(tcti, "tpm2_startup", "-c");
            assertEquals(16, tool(tcti, "tpm2_getrandom", "--hex", "8").strip().length());

            byte[] digest = HashAlgorithm.SHA256.hash("tools".getBytes(StandardCharsets.US_ASCII));
            String hex = HexFormat.of().formatHex(digest);
            tool(tcti, "tpm2_pcrextend", "16:sha256=" + hex);
            String pcrs = tool(tcti, "tpm2_pcrread", "sha256:16");
            String expected = HexFormat.of().withUpperCase().formatHex(HashAlgorithm.SHA256.hash(new byte[32], digest));
            assertTrue(pcrs.contains("0x" + expected), pcrs);

            assertTrue(tool(tcti, "tpm2_getcap", "properties-fixed").contains("TPM2_PT_FAMILY_INDICATOR"));

            Path primary = work.resolve("primary.ctx");
            tool(tcti, "tpm2_createprimary", "-C", "o", "-G", "ecc256", "-c", primary.toString());
            assertTrue(tool(tcti, "tpm2_readpublic", "-c", primary.toString()).contains("ecc"));
            tool(tcti, "tpm2_nvdefine", "0x1500016", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite");
            assertTrue(tool(tcti, "tpm2_getcap", "handles-nv-index").contains("0x1500016"));
        }
    }

    private String tool(String tcti, String... command) throws Exception {
        return Tpm2Tools.run(work, tcti, command);
    }
}
