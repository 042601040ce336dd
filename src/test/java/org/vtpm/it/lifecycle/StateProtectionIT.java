package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;

/**
 * What an attacker with the database gets: no NV bytes and no auth values a guest wrote, in any
 * encoding, in any table; and a state row put back from an older copy, or with one bit flipped,
 * is refused rather than started.
 */
@ExtendWith(ArquillianExtension.class)
class StateProtectionIT {

    private static final String NV_INDEX = "0x1500017";

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "state-protection-probe.war")
                .addClasses(StateProtectionIT.class, Lifecycle.class, Database.class, VtpmLifecycleIT.class, Api.class,
                        Api.Reply.class, Tpm2Cli.class, Tpm2Cli.Result.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aDumpOfEveryTableHoldsNoNvBytesAndNoAuthValues() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-dump");
        byte[] nvData = VtpmLifecycleIT.randomBytes(48);
        byte[] nvAuth = VtpmLifecycleIT.randomBytes(16);
        byte[] ownerAuth = VtpmLifecycleIT.randomBytes(20);
        Files.write(work.resolve("data"), nvData);

        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "48", "-a", "authread|authwrite",
                "-p", "hex:" + HexFormat.of().formatHex(nvAuth));
        guest.run("tpm2_nvwrite", NV_INDEX, "-P", "hex:" + HexFormat.of().formatHex(nvAuth), "-i", "data");
        guest.run("tpm2_changeauth", "-c", "o", "hex:" + HexFormat.of().formatHex(ownerAuth));
        // suspended, so the volatile state is stored too
        assertEquals(200, vtpms.api.postJson("/api/v1/vtpms/" + id + "/suspend", "").status());

        byte[] dump = Database.dumpAllTables();
        for (byte[] secret : List.of(nvData, nvAuth, ownerAuth)) {
            for (byte[] encoding : encodings(secret)) {
                assertFalse(Database.contains(dump, encoding), "a secret the guest wrote is in the database");
            }
        }
        // the dump is not empty of this vTPM: its id and encrypted state are there
        assertTrue(Database.contains(dump, id.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    @OperateOnDeployment("probe")
    void aStateRowPutBackFromAnOlderCopyOrWithOneBitFlippedIsRefused() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-rollback");
        Files.write(work.resolve("first"), VtpmLifecycleIT.randomBytes(32));
        byte[] second = VtpmLifecycleIT.randomBytes(32);
        Files.write(work.resolve("second"), second);

        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "first");
        vtpms.stop(id);
        StateRow older = StateRow.read(id);
        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "second");
        vtpms.stop(id);
        StateRow current = StateRow.read(id);

        older.write();
        assertRefused(vtpms.api.postJson("/api/v1/vtpms/" + id + "/start", ""), id);
        current.withBitFlipped(current.ciphertext.length / 2).write();
        assertRefused(vtpms.api.postJson("/api/v1/vtpms/" + id + "/start", ""), id);
        assertEquals("STOPPED", vtpms.get(id).getString("status"));

        current.write();
        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", NV_INDEX, "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(second, Files.readAllBytes(work.resolve("read")));
        vtpms.stop(id);
    }

    private static void assertRefused(Api.Reply reply, String id) {
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        String detail = reply.object().getString("detail");
        assertTrue(detail.contains(id) && detail.toLowerCase(Locale.ROOT).contains("integrity"), detail);
    }

    /** The permanent state row of a vTPM as the database holds it. */
    private record StateRow(String vtpmId, long stateVersion, byte[] ciphertext) {

        static StateRow read(String vtpmId) throws Exception {
            try (Connection connection = Database.dataSource().getConnection();
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT state_version, ciphertext FROM vtpm_state WHERE vtpm_id = ? AND part = 'PERMANENT'")) {
                query.setString(1, vtpmId);
                try (ResultSet row = query.executeQuery()) {
                    assertTrue(row.next(), "no permanent state stored for " + vtpmId);
                    return new StateRow(vtpmId, row.getLong(1), row.getBytes(2));
                }
            }
        }

        StateRow withBitFlipped(int index) {
            byte[] flipped = ciphertext.clone();
            flipped[index] ^= 0x01;
            return new StateRow(vtpmId, stateVersion, flipped);
        }

        void write() throws Exception {
            try (Connection connection = Database.dataSource().getConnection();
                 PreparedStatement update = connection.prepareStatement(
                         "UPDATE vtpm_state SET state_version = ?, ciphertext = ? WHERE vtpm_id = ? AND part = 'PERMANENT'")) {
                update.setLong(1, stateVersion);
                update.setBytes(2, ciphertext);
                update.setString(3, vtpmId);
                assertEquals(1, update.executeUpdate());
            }
        }
    }

    private static List<byte[]> encodings(byte[] secret) {
        String hex = HexFormat.of().formatHex(secret);
        return List.of(secret,
                hex.getBytes(StandardCharsets.US_ASCII),
                hex.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encodeToString(secret).getBytes(StandardCharsets.US_ASCII));
    }

}
