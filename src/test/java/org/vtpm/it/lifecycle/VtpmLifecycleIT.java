package org.vtpm.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.UUID;

import jakarta.json.JsonObject;

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
 * The vTPM lifecycle through REST, with tpm2-tools as the guest: created with certified EKs
 * that openssl verifies against the manager CA, NV kept across stop and start, PCRs across
 * suspend and resume, snapshots restored, every illegal transition a 409 problem, deletion final.
 * In-container, so the tests can also look at the database as an attacker with a dump would.
 */
@ExtendWith(ArquillianExtension.class)
class VtpmLifecycleIT {

    private static final String NV_INDEX = "0x1500016";

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "lifecycle-probe.war")
                .addClasses(VtpmLifecycleIT.class, Lifecycle.class, Api.class, Api.Reply.class, Tpm2Cli.class,
                        Tpm2Cli.Result.class)
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aNewVtpmIsProvisionedWithCertifiedKeysAndListed() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        Api.Reply created = vtpms.createReply("{\"name\":\"" + uniqueName() + "\",\"ek\":[\"ECC_P256\",\"RSA_2048\"],"
                + "\"labels\":{\"team\":\"payments\"}}");
        assertEquals(201, created.status(), created.toString());
        JsonObject vtpm = created.object();
        String id = vtpm.getString("id");
        assertTrue(created.location().endsWith("/api/v1/vtpms/" + id), created.location());
        assertEquals("PROVISIONED", vtpm.getString("status"));
        assertEquals("payments", vtpm.getJsonObject("labels").getString("team"));
        assertEquals(3, vtpm.getJsonArray("identity").size(), vtpm.toString());
        assertEquals(id, vtpms.get(id).getString("id"));
        assertTrue(vtpms.listIds().contains(id));

        JsonObject certificates = vtpms.api.get("/api/v1/vtpms/" + id + "/certificates").object();
        assertEquals(3, certificates.getJsonArray("certificates").size());
        X509Certificate ca = certificate(Api.anonymous().get("/api/v1/ca").body());
        for (JsonObject certificate : certificates.getJsonArray("certificates").getValuesAs(JsonObject.class)) {
            certificate(certificate.getString("pem")).verify(ca.getPublicKey());
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void tpm2ToolsReadTheEkCertificateFromNvAndOpensslVerifiesItWithTheManagerCa() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-ek");
        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_getekcertificate", "-o", "ek.crt");
        Files.writeString(work.resolve("ca.pem"), Api.anonymous().get("/api/v1/ca").body());
        byte[] ek = Files.readAllBytes(work.resolve("ek.crt"));
        Files.writeString(work.resolve("ek.pem"), pem(certificate(ek).getEncoded()));
        Tpm2Cli.Result verify = guest.attempt("openssl", "verify", "-CAfile", "ca.pem", "ek.pem");
        assertEquals(0, verify.exitCode(), verify.output());
        assertTrue(verify.output().contains("ek.pem: OK"), verify.output());
        vtpms.stop(id);
    }

    @Test
    @OperateOnDeployment("probe")
    void nvWrittenByTheGuestReadsBackAfterStopAndStart() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-nv");
        byte[] secret = randomBytes(32);
        Files.write(work.resolve("secret"), secret);

        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "secret");
        vtpms.stop(id);
        assertEquals("STOPPED", vtpms.get(id).getString("status"));

        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", NV_INDEX, "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(secret, Files.readAllBytes(work.resolve("read")));
        vtpms.stop(id);
    }

    @Test
    @OperateOnDeployment("probe")
    void suspendAndResumeKeepThePcrsWhereTheyWere() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-suspend");
        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_pcrextend", "16:sha256=" + "cd".repeat(32));
        String before = guest.run("tpm2_pcrread", "sha256:16");

        Api.Reply suspended = vtpms.api.postJson("/api/v1/vtpms/" + id + "/suspend", "");
        assertEquals(200, suspended.status(), suspended.toString());
        assertEquals("SUSPENDED", suspended.object().getString("status"));
        assertFalse(suspended.object().containsKey("endpoint"));

        Api.Reply resumed = vtpms.api.postJson("/api/v1/vtpms/" + id + "/resume", "");
        assertEquals(200, resumed.status(), resumed.toString());
        guest = vtpms.guest(resumed.object(), work);
        assertEquals(before, guest.run("tpm2_pcrread", "sha256:16"));
        vtpms.stop(id);
    }

    @Test
    @OperateOnDeployment("probe")
    void aSnapshotRestoreBringsTheOldNvContentsBack() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-snapshot");
        byte[] first = randomBytes(32);
        byte[] second = randomBytes(32);
        Files.write(work.resolve("first"), first);
        Files.write(work.resolve("second"), second);

        Tpm2Cli guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", NV_INDEX, "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "first");
        Api.Reply snapshot = vtpms.api.postJson("/api/v1/vtpms/" + id + "/snapshots", "{\"name\":\"before update\"}");
        assertEquals(201, snapshot.status(), snapshot.toString());
        String snapshotId = snapshot.object().getString("id");
        guest.run("tpm2_nvwrite", NV_INDEX, "-C", "o", "-i", "second");

        Api.Reply whileRunning = vtpms.api.postJson("/api/v1/vtpms/" + id + "/snapshots/" + snapshotId + "/restore", "");
        vtpms.assertConflict(whileRunning);
        vtpms.stop(id);
        Api.Reply restored = vtpms.api.postJson("/api/v1/vtpms/" + id + "/snapshots/" + snapshotId + "/restore", "");
        assertEquals(200, restored.status(), restored.toString());
        assertTrue(vtpms.api.get("/api/v1/vtpms/" + id + "/snapshots").body().contains(snapshotId));

        guest = vtpms.start(id, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", NV_INDEX, "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(first, Files.readAllBytes(work.resolve("read")));
        vtpms.stop(id);
    }

    @Test
    @OperateOnDeployment("probe")
    void aCloneHasANewIdentityAndOnlyTheNvIndicesAskedFor() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String source = vtpms.create("ECC_P256");
        Path work = Files.createTempDirectory("vtpm-clone");
        byte[] copied = randomBytes(32);
        Files.write(work.resolve("copied"), copied);
        Files.write(work.resolve("kept"), randomBytes(16));
        Tpm2Cli guest = vtpms.start(source, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvdefine", "0x1500020", "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", "0x1500020", "-C", "o", "-i", "copied");
        guest.run("tpm2_nvdefine", "0x1500021", "-C", "o", "-s", "16", "-a", "ownerread|ownerwrite");
        guest.run("tpm2_nvwrite", "0x1500021", "-C", "o", "-i", "kept");

        Api.Reply cloned = vtpms.api.postJson("/api/v1/vtpms/" + source + "/clone",
                "{\"name\":\"" + uniqueName() + "\",\"nvIndices\":[\"0x01500020\"]}");
        assertEquals(201, cloned.status(), cloned.toString());
        String clone = cloned.object().getString("id");
        assertNotEquals(source, clone);
        assertEquals("PROVISIONED", cloned.object().getString("status"));
        vtpms.stop(source);
        assertNotEquals(ekPublicKey(vtpms, source), ekPublicKey(vtpms, clone));

        guest = vtpms.start(clone, work);
        guest.run("tpm2_startup", "-c");
        guest.run("tpm2_nvread", "0x1500020", "-C", "o", "-s", "32", "-o", "read");
        assertArrayEquals(copied, Files.readAllBytes(work.resolve("read")));
        assertNotEquals(0, guest.attempt("tpm2_nvreadpublic", "0x1500021").exitCode(), "an index not asked for was copied");
        vtpms.stop(clone);

        Api.Reply badIndex = vtpms.api.postJson("/api/v1/vtpms/" + source + "/clone",
                "{\"name\":\"" + uniqueName() + "\",\"nvIndices\":[\"0x81000001\"]}");
        assertEquals(400, badIndex.status(), badIndex.toString());
    }

    private static java.security.PublicKey ekPublicKey(Lifecycle vtpms, String id) throws Exception {
        JsonObject certificates = vtpms.api.get("/api/v1/vtpms/" + id + "/certificates").object();
        for (JsonObject certificate : certificates.getJsonArray("certificates").getValuesAs(JsonObject.class)) {
            if (certificate.getString("kind").startsWith("EK")) {
                return certificate(certificate.getString("pem")).getPublicKey();
            }
        }
        throw new AssertionError("no EK certificate for " + id);
    }

    @Test
    @OperateOnDeployment("probe")
    void everyIllegalTransitionIsAConflictThatChangesNothing() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        // PROVISIONED
        for (String operation : new String[] {"stop", "suspend", "resume"}) {
            vtpms.assertConflict(vtpms.api.postJson("/api/v1/vtpms/" + id + "/" + operation, ""));
        }
        assertEquals("PROVISIONED", vtpms.get(id).getString("status"));
        vtpms.start(id, Files.createTempDirectory("vtpm-transitions"));
        // RUNNING
        for (String operation : new String[] {"start", "resume"}) {
            vtpms.assertConflict(vtpms.api.postJson("/api/v1/vtpms/" + id + "/" + operation, ""));
        }
        assertEquals(200, vtpms.api.postJson("/api/v1/vtpms/" + id + "/suspend", "").status());
        // SUSPENDED
        for (String operation : new String[] {"start", "stop", "suspend"}) {
            vtpms.assertConflict(vtpms.api.postJson("/api/v1/vtpms/" + id + "/" + operation, ""));
        }
        assertEquals(200, vtpms.api.postJson("/api/v1/vtpms/" + id + "/resume", "").status());
        vtpms.stop(id);
        // STOPPED
        for (String operation : new String[] {"stop", "suspend", "resume"}) {
            vtpms.assertConflict(vtpms.api.postJson("/api/v1/vtpms/" + id + "/" + operation, ""));
        }
        assertEquals("STOPPED", vtpms.get(id).getString("status"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aDeletedVtpmIsGoneForEveryOperation() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        String id = vtpms.create("ECC_P256");
        vtpms.start(id, Files.createTempDirectory("vtpm-delete"));
        assertEquals(204, vtpms.api.delete("/api/v1/vtpms/" + id).status());
        for (Api.Reply reply : new Api.Reply[] {
                vtpms.api.get("/api/v1/vtpms/" + id),
                vtpms.api.postJson("/api/v1/vtpms/" + id + "/start", ""),
                vtpms.api.get("/api/v1/vtpms/" + id + "/certificates"),
                vtpms.api.delete("/api/v1/vtpms/" + id)}) {
            assertEquals(404, reply.status(), reply.toString());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        }
        assertFalse(vtpms.listIds().contains(id));
    }

    @Test
    @OperateOnDeployment("probe")
    void badRequestsAreRefusedWithAProblemAndCreateNothing() throws Exception {
        Lifecycle vtpms = new Lifecycle();
        long before = vtpms.total();
        String name = uniqueName();
        for (String body : new String[] {
                "{}", "{\"name\":\"\"}", "{\"name\":\"a b\"}", "{\"name\":\"" + "x".repeat(129) + "\"}",
                "{\"name\":\"" + name + "\",\"ek\":[\"DSA_1024\"]}", "{\"name\":\"" + name + "\",\"ek\":[]}",
                "{\"name\":\"" + name + "\",\"labels\":{\"bad key\":\"v\"}}", "[1]", "not json"}) {
            Api.Reply reply = vtpms.createReply(body);
            assertEquals(400, reply.status(), body + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.toString());
        }
        assertEquals(400, vtpms.api.get("/api/v1/vtpms?limit=0").status());
        assertEquals(400, vtpms.api.get("/api/v1/vtpms?limit=501").status());
        assertEquals(400, vtpms.api.get("/api/v1/vtpms?offset=-1").status());
        vtpms.create("ECC_P256", name);
        Api.Reply duplicate = vtpms.createReply("{\"name\":\"" + name + "\"}");
        assertEquals(400, duplicate.status(), duplicate.toString());
        assertEquals(before + 1, vtpms.total());
        assertEquals(401, Api.anonymous().get("/api/v1/vtpms").status());
    }

    static String uniqueName() {
        return "it-" + UUID.randomUUID();
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    static X509Certificate certificate(String pem) throws Exception {
        return certificate(pem.getBytes(StandardCharsets.US_ASCII));
    }

    static X509Certificate certificate(byte[] encoded) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
