package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;

/**
 * Migration between two hosts with two physical TPMs (two swtpm processes; the second one is
 * host-b, java:/eis/tpm/physical/host-b): the vTPM moves with its NV data and EK, the source
 * copy is destroyed, and a failure on the target leaves the source as the one usable copy.
 */
@ExtendWith(ArquillianExtension.class)
class MigrationIT {

    private static final String HOST_B = "host-b";
    private static final String NV_INDEX = "0x1500018";

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "migration-probe.war")
                .addClasses(MigrationIT.class, Lifecycle.class, Database.class, VtpmLifecycleIT.class, Api.class,
                        Api.Reply.class, Tpm2Cli.class, Tpm2Cli.Result.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @BeforeEach
    void hostBIsRegistered() throws Exception {
        Api admin = Api.asAdmin();
        if (admin.get("/api/v1/hosts/" + HOST_B).status() == 404) {
            Api.Reply registered = admin.postJson("/api/v1/hosts",
                    "{\"name\":\"" + HOST_B + "\",\"physicalTpm\":\"java:/eis/tpm/physical/host-b\"}");
            assertEquals(201, registered.status(), registered.toString());
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aMigratedVtpmServesTheSameNvAndEkOnTheTargetAndTheSourceCopyIsGone() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        String sourceHost = vtpms.get(id).getString("host");
        Path work = Files.createTempDirectory("vtpm-migrate");
        byte[] secret = VtpmLifecycleIT.randomBytes(32);
        Files.write(work.resolve("secret"), secret);
        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "secret");
        guest.run("tpm2_getekcertificate", "-o", "ek-before.crt");
        vtpms.stop(id);
        byte[] sourceKey = wrappedKey(id);

        Api.Reply migrated = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + HOST_B + "\"}");
        assertEquals(200, migrated.status(), migrated.toString());
        assertEquals(HOST_B, migrated.object().getString("host"));
        assertEquals("STOPPED", migrated.object().getString("status"));
        assertFalse(Database.contains(Database.dumpAllTables(), sourceKey), "the source's data key is still stored");

        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", NV_INDEX, "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(secret, Files.readAllBytes(work.resolve("read")));
        guest.run("tpm2_getekcertificate", "-o", "ek-after.crt");
        assertArrayEquals(Files.readAllBytes(work.resolve("ek-before.crt")), Files.readAllBytes(work.resolve("ek-after.crt")));
        vtpms.stop(id);

        Api.Reply back = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + sourceHost + "\"}");
        assertEquals(200, back.status(), back.toString());
        assertEquals(sourceHost, back.object().getString("host"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aFailureOnTheTargetLeavesTheSourceAsTheOneUsableCopy() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        // a first migration gives host-b its transport key
        String first = vtpms.create("ECC_P256");
        assertEquals(200, vtpms.api.postJson("/api/v1/vtpms/" + first + "/migrate",
                "{\"targetHost\":\"" + HOST_B + "\"}").status());

        String id = vtpms.create("ECC_P256");
        String sourceHost = vtpms.get(id).getString("host");
        byte[] transportKey = transportKey(HOST_B);
        byte[] broken = transportKey.clone();
        broken[broken.length - 1] ^= 0x01;
        setTransportKey(HOST_B, broken);
        try {
            Api.Reply failed = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + HOST_B + "\"}");
            assertTrue(failed.status() == 503 || failed.status() == 409, failed.toString());
            assertTrue(failed.contentType().startsWith("application/problem+json"), failed.toString());
        } finally {
            setTransportKey(HOST_B, transportKey);
        }
        JsonObject after = vtpms.get(id);
        assertEquals(sourceHost, after.getString("host"));
        assertEquals("PROVISIONED", after.getString("status"));
        Tpm2Cli guest = vtpms.start(id, Files.createTempDirectory("vtpm-migrate-failed"));
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_getekcertificate", "-o", "ek.crt");
        vtpms.stop(id);

        Api.Reply retried = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + HOST_B + "\"}");
        assertEquals(200, retried.status(), retried.toString());
    }

    @Test
    @OperateOnDeployment("probe")
    void migrationIsRefusedWhileRunningAndToAnUnknownOrTheSameHost() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        String sourceHost = vtpms.get(id).getString("host");
        Api.Reply unknown = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"no-such-host\"}");
        assertEquals(404, unknown.status(), unknown.toString());
        Api.Reply same = vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + sourceHost + "\"}");
        assertEquals(400, same.status(), same.toString());
        assertEquals(400, vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{}").status());
        vtpms.start(id, Files.createTempDirectory("vtpm-migrate-running"));
        vtpms.assertConflict(vtpms.api.postJson("/api/v1/vtpms/" + id + "/migrate", "{\"targetHost\":\"" + HOST_B + "\"}"));
        assertEquals("RUNNING", vtpms.get(id).getString("status"));
        vtpms.stop(id);
    }

    private static byte[] wrappedKey(String vtpmId) throws Exception {
        try (Connection connection = Database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT wrapped_key FROM vtpm_key WHERE vtpm_id = ?")) {
            query.setString(1, vtpmId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getBytes(1);
            }
        }
    }

    private static byte[] transportKey(String host) throws Exception {
        try (Connection connection = Database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT transport_key FROM vtpm_host WHERE name = ?")) {
            query.setString(1, host);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getBytes(1);
            }
        }
    }

    private static void setTransportKey(String host, byte[] key) throws Exception {
        try (Connection connection = Database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE vtpm_host SET transport_key = ? WHERE name = ?")) {
            update.setBytes(1, key);
            update.setString(2, host);
            assertEquals(1, update.executeUpdate());
        }
    }
}
