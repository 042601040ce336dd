package org.vtpm.it.attest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vtpm.it.Api;
import org.vtpm.it.Deployments;
import org.vtpm.it.Tpm2Cli;
import org.vtpm.tpm.attest.AttestationPolicy;
import org.vtpm.tpm.attest.Evidence;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;

/**
 * Attestation of running vTPMs through REST, in-container so that the tests can act as the VM's
 * firmware (extending a real boot's events into the vTPM) and as an attester inside it (quoting
 * with the AK over a challenge).
 */
@ExtendWith(ArquillianExtension.class)
class AttestationIT {

    private static final byte[] LOG = Attestations.realLog();
    private static final EventLog PARSED = EventLog.parse(LOG);
    /** The PCRs a policy built from the log judges: those the boot extends. */
    private static final List<Integer> POLICY_PCRS = List.copyOf(AttestationPolicy.fromEventLog(PARSED,
            HashAlgorithm.SHA256).requiredPcrs().get(HashAlgorithm.SHA256));
    /** The debug PCR of the host pTPM that the deep attestation test moves, and resets after. */
    private static final int HOST_PCR = 23;

    private final Attestations attest = new Attestations();

    @Deployment(name = "application", order = 1, testable = false)
    static EnterpriseArchive application() {
        return Deployments.application();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "attestation-probe.war")
                .addClasses(AttestationIT.class, Attestations.class, Firmware.class, ConnectionTpm.class, Api.class,
                        Api.Reply.class, Tpm2Cli.class, Tpm2Cli.Result.class)
                .addAsResource("eventlogs/crypto_agile_eventlog.bin")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: deployment.vtpm.ear\n"));
    }

    @Test
    @OperateOnDeployment("probe")
    void aSimulatedBootPassesItsPolicyAndEveryTamperingFailsForItsReason() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Firmware.boot(vtpm, LOG);
        String policy = attest.policyFromLog(LOG);
        attest.assign(vtpm, policy);

        JsonObject passed = attest.attestWithLog(vtpm, LOG);
        assertEquals("PASS", passed.getString("verdict"), passed.toString());
        assertEquals(List.of(), Attestations.codes(passed));
        assertEquals(passed, attest.api.get("/api/v1/attestations/" + passed.getString("id")).object());

        Bytes nonce = attest.challenge(vtpm);
        Evidence evidence = Firmware.quote(vtpm, nonce, POLICY_PCRS, LOG);
        JsonObject external = attest.submit(vtpm, evidence);
        assertEquals("PASS", external.getString("verdict"), external.toString());
        JsonObject replayed = attest.submit(vtpm, evidence);
        assertEquals(List.of("NONCE_REPLAYED"), Attestations.codes(replayed), replayed.toString());

        Evidence fresh = Firmware.quote(vtpm, attest.challenge(vtpm), POLICY_PCRS, LOG);
        byte[] signature = fresh.signature().toByteArray();
        signature[signature.length - 1] ^= 0x01;
        JsonObject tampered = attest.submit(vtpm, new Evidence(fresh.attest(), Bytes.of(signature), fresh.pcrs(),
                fresh.eventLog()));
        assertEquals(List.of("SIGNATURE_INVALID"), Attestations.codes(tampered), tampered.toString());

        String other = attest.runningVtpm(Map.of());
        Firmware.boot(other, LOG);
        JsonObject foreign = attest.submit(vtpm, Firmware.quote(other, attest.challenge(vtpm), POLICY_PCRS, LOG));
        assertEquals(List.of("WRONG_AK"), Attestations.codes(foreign), foreign.toString());

        Event bootApplication = lastEventOf(4);
        JsonObject editedLog = attest.attestWithLog(vtpm, withChangedDigest(bootApplication));
        assertTrue(Attestations.codes(editedLog).contains("EVENT_LOG_REPLAY_MISMATCH"), editedLog.toString());

        Firmware.extend(vtpm, 4, Bytes.of(new byte[32]));
        JsonObject extra = attest.attestWithLog(vtpm, LOG);
        assertEquals("FAIL", extra.getString("verdict"));
        assertTrue(Attestations.codes(extra).containsAll(List.of("EVENT_LOG_REPLAY_MISMATCH", "PCR_MISMATCH")),
                extra.toString());
        assertEquals("sha256:4", reason(extra, "PCR_MISMATCH").getString("pcr"), extra.toString());
    }

    @Test
    @OperateOnDeployment("probe")
    void evidenceThatTpm2ToolsMadeInTheVmIsJudgedAndItsNonceUsedOnce() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Path work = Files.createTempDirectory("vtpm-attester");
        JsonObject endpoint = attest.api.get("/api/v1/vtpms/" + vtpm).object().getJsonObject("endpoint");
        Tpm2Cli guest = Tpm2Cli.swtpm(endpoint.getString("host"), endpoint.getInt("port"), work);
        guest.run("tpm2_startup", "-c");
        Bytes nonce = attest.challenge(vtpm);
        guest.run("tpm2_quote", "-c", "0x81020000", "-l", "sha256:0,1,2,3,4,5,6,7", "-q", nonce.hex(),
                "-m", "attest.bin", "-s", "sig.bin", "-g", "sha256");
        guest.run("tpm2_pcrread", "sha256:0,1,2,3,4,5,6,7", "-o", "pcrs.bin");
        byte[] values = Files.readAllBytes(work.resolve("pcrs.bin"));
        JsonObjectBuilder pcrs = Json.createObjectBuilder();
        for (int pcr = 0; pcr < 8; pcr++) {
            pcrs.add(Integer.toString(pcr), HexFormat.of().formatHex(values, 32 * pcr, 32 * (pcr + 1)));
        }
        String evidence = Json.createObjectBuilder()
                .add("attest", Attestations.base64(Files.readAllBytes(work.resolve("attest.bin"))))
                .add("signature", Attestations.base64(Files.readAllBytes(work.resolve("sig.bin"))))
                .add("pcrs", Json.createObjectBuilder().add("sha256", pcrs))
                .build().toString();

        Api.Reply first = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/evidence", evidence);
        assertEquals(201, first.status(), first.toString());
        assertEquals("PASS", first.object().getString("verdict"), first.toString());
        Api.Reply again = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/evidence", evidence);
        assertEquals(List.of("NONCE_REPLAYED"), Attestations.codes(again.object()), again.toString());
    }

    @Test
    @OperateOnDeployment("probe")
    void aBootWithOneChangedEventFailsNamingTheEventAndItsPcr() throws Exception {
        Event bootApplication = lastEventOf(4);
        byte[] otherBoot = withChangedDigest(bootApplication);
        String vtpm = attest.runningVtpm(Map.of());
        Firmware.boot(vtpm, otherBoot);
        attest.assign(vtpm, attest.policyFromLog(LOG));

        JsonObject result = attest.attestWithLog(vtpm, otherBoot);
        assertEquals("FAIL", result.getString("verdict"));
        assertEquals(List.of("PCR_MISMATCH", "EVENT_NOT_ALLOWED"), Attestations.codes(result), result.toString());
        assertEquals("sha256:4", reason(result, "PCR_MISMATCH").getString("pcr"));
        String changed = EventLog.parse(otherBoot).events().get(bootApplication.index())
                .digest(HashAlgorithm.SHA256).orElseThrow().hex();
        assertEquals(List.of("sha256:4:" + changed), reason(result, "EVENT_NOT_ALLOWED")
                .getJsonArray("unexpectedEvents").getValuesAs(jakarta.json.JsonString::getString));
    }

    @Test
    @OperateOnDeployment("probe")
    void withoutAPolicyTheFirstAttestationSetsTheBaselineAndALaterExtendFailsNamingThePcr() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Firmware.boot(vtpm, LOG);
        assertEquals("PASS", attest.attest(vtpm, "{}").getString("verdict"));
        assertEquals("PASS", attest.attest(vtpm, "{}").getString("verdict"));

        Firmware.extend(vtpm, 7, Bytes.of(HashAlgorithm.SHA256.hash("a new Secure Boot key".getBytes(
                StandardCharsets.UTF_8))));
        JsonObject deviated = attest.attest(vtpm, "{}");
        assertEquals(List.of("BASELINE_DEVIATION"), Attestations.codes(deviated), deviated.toString());
        assertEquals("sha256:7", reason(deviated, "BASELINE_DEVIATION").getString("pcr"));
        assertEquals(2 + 1, attest.api.get("/api/v1/vtpms/" + vtpm + "/attestations").object().getInt("total"));
    }

    @Test
    @OperateOnDeployment("probe")
    void deepAttestationPassesWithTheHostInPolicyAndFailsWhenAHostPcrLeavesIt() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Firmware.boot(vtpm, LOG);
        Api.Reply hostPolicy = attest.api.putJson("/api/v1/hosts/local/policy", Json.createObjectBuilder()
                .add("referencePcrs", Json.createObjectBuilder().add("sha256", Json.createObjectBuilder()
                        .add(Integer.toString(HOST_PCR), Firmware.readHost(HOST_PCR).hex())))
                .build().toString());
        assertEquals(200, hostPolicy.status(), hostPolicy.toString());
        try {
            JsonObject deep = attest.attest(vtpm, "{\"deep\":true}");
            assertEquals("PASS", deep.getString("verdict"), deep.toString());
            assertTrue(deep.getBoolean("deep"));

            Firmware.extendHost(HOST_PCR, Bytes.of(HashAlgorithm.SHA256.hash("an unexpected hypervisor".getBytes(
                    StandardCharsets.UTF_8))));
            JsonObject failed = attest.attest(vtpm, "{\"deep\":true}");
            assertEquals(List.of("PCR_MISMATCH"), Attestations.codes(failed), failed.toString());
            JsonObject reason = reason(failed, "PCR_MISMATCH");
            assertEquals("HOST", reason.getString("layer"));
            assertEquals("sha256:" + HOST_PCR, reason.getString("pcr"));
            assertEquals("PASS", attest.attest(vtpm, "{}").getString("verdict"), "the vTPM alone is still good");
        } finally {
            Firmware.resetHost(HOST_PCR);
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void theSignedResultVerifiesWithTheManagerCaCertificate() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Firmware.boot(vtpm, LOG);
        JsonObject result = attest.attest(vtpm, "{}");
        String[] jws = result.getString("result").split("\\.");
        assertEquals(3, jws.length);
        Base64.Decoder base64url = Base64.getUrlDecoder();
        JsonObject header = Json.createReader(new ByteArrayInputStream(base64url.decode(jws[0]))).readObject();
        JsonObject claims = Json.createReader(new ByteArrayInputStream(base64url.decode(jws[1]))).readObject();
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(Api.anonymous().get("/api/v1/ca").body().getBytes(StandardCharsets.US_ASCII)));

        assertEquals("ES256", header.getString("alg"));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(ca.getEncoded()),
                base64url.decode(header.getString("x5t#S256")));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(ca.getPublicKey());
        es256.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(es256.verify(base64url.decode(jws[2])), "the JWS verifies with the CA certificate");
        assertEquals(vtpm, claims.getString("sub"));
        assertEquals(result.getString("id"), claims.getString("jti"));
        assertEquals("PASS", claims.getString("verdict"));

        byte[] forged = (jws[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.toString()
                .replace("\"PASS\"", "\"FAIL\"").getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
        es256.initVerify(ca.getPublicKey());
        es256.update(forged);
        assertTrue(!es256.verify(base64url.decode(jws[2])), "changed claims do not verify");
    }

    @Test
    @OperateOnDeployment("probe")
    void badInputIsAProblemAndAnUnknownVtpmA404() throws Exception {
        String vtpm = attest.runningVtpm(Map.of());
        Api.Reply badPcrs = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/attestations",
                "{\"pcrs\":{\"sha256\":[24]}}");
        assertEquals(400, badPcrs.status(), badPcrs.toString());
        assertTrue(badPcrs.contentType().startsWith("application/problem+json"));
        Api.Reply badLog = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/attestations", "{\"eventLog\":\"%%\"}");
        assertEquals(400, badLog.status(), badLog.toString());
        Api.Reply badEvidence = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/evidence",
                "{\"attest\":\"AAAA\",\"signature\":\"AAAA\",\"pcrs\":{\"sha256\":{\"0\":\"00\"}}}");
        assertEquals(400, badEvidence.status(), badEvidence.toString());
        Api.Reply garbageEvidence = attest.api.postJson("/api/v1/vtpms/" + vtpm + "/evidence",
                "{\"attest\":\"AAAA\",\"signature\":\"AAAA\",\"pcrs\":{}}");
        assertEquals(201, garbageEvidence.status(), garbageEvidence.toString());
        assertEquals(List.of("EVIDENCE_MALFORMED"), Attestations.codes(garbageEvidence.object()));
        Api.Reply badPolicy = attest.api.postJson("/api/v1/policies", "{\"name\":\"p\",\"referencePcr\":{}}");
        assertEquals(400, badPolicy.status(), badPolicy.toString());
        String unknown = UUID.randomUUID().toString();
        assertEquals(404, attest.api.postJson("/api/v1/vtpms/" + unknown + "/attestations", "{}").status());
        assertEquals(404, attest.api.get("/api/v1/attestations/" + unknown).status());
        assertEquals(404, attest.api.get("/api/v1/attestation-jobs/" + unknown).status());
    }

    @AfterEach
    void deleteTheVtpms() throws Exception {
        attest.deleteCreated();
    }

    private static JsonObject reason(JsonObject result, String code) {
        return result.getJsonArray("reasons").getValuesAs(JsonObject.class).stream()
                .filter(reason -> reason.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static Event lastEventOf(int pcr) {
        Event last = null;
        for (Event event : PARSED.events()) {
            if (event.extendsPcr() && event.pcrIndex() == pcr) {
                last = event;
            }
        }
        return last;
    }

    /** The log with one bit of one event's SHA-256 digest flipped: another boot application. */
    private static byte[] withChangedDigest(Event event) {
        byte[] digest = event.digest(HashAlgorithm.SHA256).orElseThrow().toByteArray();
        byte[] changed = LOG.clone();
        for (int i = 0; i + digest.length <= changed.length; i++) {
            if (java.util.Arrays.equals(changed, i, i + digest.length, digest, 0, digest.length)) {
                changed[i] ^= 0x01;
                return changed;
            }
        }
        throw new IllegalStateException("the event's digest is not in the log");
    }
}
