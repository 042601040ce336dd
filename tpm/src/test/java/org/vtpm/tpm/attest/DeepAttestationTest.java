package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.attest.Reason.Code;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.types.EccParameter;
import org.vtpm.tpm.types.EccPoint;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmException;

/**
 * Deep attestation with two swtpms: one is the vTPM, the other the host's pTPM, which also holds
 * the manager CA's signing key for binding statements.
 */
class DeepAttestationTest {

    private static final String VTPM = "vtpm-a";
    private static final String HOST = "host-1";
    private static final EventLog LOG = Logs.parse(Logs.CRYPTO_AGILE);
    private static final AttestationPolicy VTPM_POLICY = AttestationPolicy.fromEventLog(LOG, HashAlgorithm.SHA256);
    /** The host is judged by its reference PCR values alone, and sends no event log. */
    private static final AttestationPolicy HOST_POLICY = new AttestationPolicy(VTPM_POLICY.referencePcrs(), Set.of(),
            Set.of(), Map.of());

    private static SimulatedBoot vtpm;
    private static SimulatedBoot host;

    private TestClock clock;
    private Challenges challenges;
    private AttestationVerifier verifier;
    private SimulatedBoot.LoadedKey vtpmAk;
    private SimulatedBoot.LoadedKey hostAk;
    private SimulatedBoot.LoadedKey managerCa;

    @BeforeAll
    static void startTpms() throws IOException {
        vtpm = SimulatedBoot.start();
        host = SimulatedBoot.start();
    }

    @AfterAll
    static void stopTpms() throws IOException {
        try {
            vtpm.close();
        } finally {
            host.close();
        }
    }

    @BeforeEach
    void bootBoth() throws TpmException, IOException {
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        NonceRegistry registry = new InMemoryNonceRegistry(100, Duration.ofMinutes(10));
        challenges = new Challenges(registry, new SecureRandom(), clock, Duration.ofMinutes(1));
        verifier = new AttestationVerifier(registry, clock);
        for (SimulatedBoot tpm : List.of(vtpm, host)) {
            tpm.reboot();
            tpm.replay(LOG);
        }
        vtpmAk = vtpm.createPrimary(AkTemplates.ECDSA_P256.attestationKey());
        hostAk = host.createPrimary(AkTemplates.RSASSA_2048.attestationKey());
        managerCa = host.createPrimary(AkTemplates.ECDSA_P256.signingKey());
    }

    private Attester vtpmAttester() {
        return new Attester(VTPM, vtpmAk.ak(), VTPM_POLICY, Optional.empty());
    }

    private Attester hostAttester() {
        return new Attester(HOST, hostAk.ak(), HOST_POLICY, Optional.empty());
    }

    private Evidence vtpmEvidence(Bytes nonce) throws TpmException, IOException {
        return vtpm.quote(vtpmAk, VTPM_POLICY.quoteSelection(), nonce, Optional.of(Bytes.of(Logs.CRYPTO_AGILE)));
    }

    private Evidence hostEvidence(Bytes qualifyingData) throws TpmException, IOException {
        return host.quote(hostAk, HOST_POLICY.quoteSelection(), qualifyingData, Optional.empty());
    }

    private DeepEvidence deepEvidence(Evidence vtpmEvidence, Evidence hostEvidence, BindingStatement statement,
            SimulatedBoot.LoadedKey signer) throws TpmException, IOException {
        Signature signature = host.sign(signer, HashAlgorithm.SHA256, statement.encode());
        return new DeepEvidence(vtpmEvidence, hostEvidence, Bytes.of(statement.encode()),
                Bytes.of(Codecs.marshal(signature)));
    }

    private BindingStatement statement(String hostId) {
        return new BindingStatement(VTPM, hostId, vtpmAk.ak().name(), hostAk.ak().name(), clock.instant());
    }

    /** Evidence made as the manager makes it: the host quote over H(vTPM attest || nonce). */
    private DeepEvidence goodEvidence() throws TpmException, IOException {
        Bytes nonce = challenges.issue(VTPM).nonce();
        Evidence vtpmEvidence = vtpmEvidence(nonce);
        Evidence hostEvidence = hostEvidence(DeepEvidence.hostQualifyingData(vtpmEvidence.attest(), nonce));
        return deepEvidence(vtpmEvidence, hostEvidence, statement(HOST), managerCa);
    }

    private static void assertFailsWith(Verdict verdict, Layer layer, Code... codes) {
        assertFalse(verdict.passed(), verdict.toString());
        assertEquals(List.of(codes), verdict.reasons().stream().map(Reason::code).toList(), verdict.reasons().toString());
        assertTrue(verdict.reasons().stream().allMatch(reason -> reason.layer() == layer), verdict.reasons().toString());
    }

    @Test
    void theRightHostPasses() throws Exception {
        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), goodEvidence());

        assertTrue(verdict.passed(), verdict.reasons().toString());
    }

    @Test
    void hostPcrsOutsideTheHostPolicyFail() throws Exception {
        host.extend(0, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'x'})));

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), goodEvidence());

        assertFailsWith(verdict, Layer.HOST, Code.PCR_MISMATCH);
        assertEquals(0, verdict.reasons().get(0).pcr().orElseThrow().pcr());
    }

    @Test
    void aHostQuoteNotDerivedFromTheVtpmQuoteFails() throws Exception {
        Bytes nonce = challenges.issue(VTPM).nonce();
        Evidence vtpmEvidence = vtpmEvidence(nonce);
        DeepEvidence unbound = deepEvidence(vtpmEvidence, hostEvidence(nonce), statement(HOST), managerCa);

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), unbound);

        assertFailsWith(verdict, Layer.HOST, Code.QUALIFYING_DATA_MISMATCH);
    }

    @Test
    void aStatementAboutAnotherHostFails() throws Exception {
        Bytes nonce = challenges.issue(VTPM).nonce();
        Evidence vtpmEvidence = vtpmEvidence(nonce);
        Evidence hostEvidence = hostEvidence(DeepEvidence.hostQualifyingData(vtpmEvidence.attest(), nonce));
        DeepEvidence elsewhere = deepEvidence(vtpmEvidence, hostEvidence, statement("host-2"), managerCa);

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), elsewhere);

        assertFailsWith(verdict, Layer.BINDING, Code.BINDING_MISMATCH);
    }

    @Test
    void aStatementNotSignedByTheTrustedKeyFails() throws Exception {
        Bytes nonce = challenges.issue(VTPM).nonce();
        Evidence vtpmEvidence = vtpmEvidence(nonce);
        Evidence hostEvidence = hostEvidence(DeepEvidence.hostQualifyingData(vtpmEvidence.attest(), nonce));
        Public ca = AkTemplates.ECDSA_P256.signingKey();
        // Another unique field makes another primary key from the same template.
        SimulatedBoot.LoadedKey impostor = host.createPrimary(new Public(ca.type(), ca.nameAlg(), ca.objectAttributes(),
                ca.authPolicy(), ca.parameters(), new EccPoint(new EccParameter(new byte[] {1}), EccParameter.EMPTY)));
        DeepEvidence forged = deepEvidence(vtpmEvidence, hostEvidence, statement(HOST), impostor);

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), forged);

        assertFailsWith(verdict, Layer.BINDING, Code.BINDING_SIGNATURE_INVALID);
    }

    @Test
    void aMalformedStatementFails() throws Exception {
        DeepEvidence good = goodEvidence();
        DeepEvidence truncated = new DeepEvidence(good.vtpm(), good.host(),
                Bytes.of(Arrays.copyOf(good.binding().toByteArray(), good.binding().length() - 1)),
                good.bindingSignature());

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), truncated);

        assertFailsWith(verdict, Layer.BINDING, Code.BINDING_MALFORMED);
    }

    @Test
    void aFailingVtpmFailsTheWholeResult() throws Exception {
        vtpm.extend(7, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'y'})));

        Verdict verdict = verifier.verifyDeep(vtpmAttester(), hostAttester(), managerCa.publicArea(), goodEvidence());

        assertFailsWith(verdict, Layer.VTPM, Code.EVENT_LOG_REPLAY_MISMATCH, Code.PCR_MISMATCH);
    }
}
