package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vtpm.tpm.attest.Reason.Code;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.wire.TpmException;

/**
 * A simulated boot: the events of a real log are extended into a running swtpm, which then quotes
 * them with its attestation key, and the verifier judges the quote with that log and a policy
 * built from it. Each tampering, or boot that differs, must fail with its own reason.
 */
class AttestationVerifierTest {

    private static final String SUBJECT = "vtpm-a";
    private static final EventLog GOOD_LOG = Logs.parse(Logs.CRYPTO_AGILE);
    private static final AttestationPolicy POLICY = AttestationPolicy.fromEventLog(GOOD_LOG, HashAlgorithm.SHA256);

    private static SimulatedBoot vtpm;
    private static SimulatedBoot otherVtpm;

    private TestClock clock;
    private Challenges challenges;
    private AttestationVerifier verifier;

    @BeforeAll
    static void startTpms() throws IOException {
        vtpm = SimulatedBoot.start();
        otherVtpm = SimulatedBoot.start();
    }

    @AfterAll
    static void stopTpms() throws IOException {
        try {
            vtpm.close();
        } finally {
            otherVtpm.close();
        }
    }

    @BeforeEach
    void freshVerifier() {
        clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        NonceRegistry registry = new InMemoryNonceRegistry(100, Duration.ofMinutes(10));
        challenges = new Challenges(registry, new SecureRandom(), clock, Duration.ofMinutes(1));
        verifier = new AttestationVerifier(registry, clock);
    }

    /** Boots {@code tpm} with {@code log}, then quotes what {@code policy} judges over a new challenge. */
    private Evidence bootAndQuote(SimulatedBoot tpm, byte[] log, AttestationPolicy policy, AkTemplates template)
            throws TpmException, IOException {
        tpm.reboot();
        tpm.replay(Logs.parse(log));
        SimulatedBoot.LoadedKey ak = tpm.createPrimary(template.attestationKey());
        return tpm.quote(ak, policy.quoteSelection(), challenges.issue(SUBJECT).nonce(), Optional.of(Bytes.of(log)));
    }

    private AttestationKey ak(SimulatedBoot tpm, AkTemplates template) throws TpmException, IOException {
        return tpm.createPrimary(template.attestationKey()).ak();
    }

    private Attester attester(AkTemplates template, AttestationPolicy policy, Optional<Baseline> baseline)
            throws TpmException, IOException {
        return new Attester(SUBJECT, ak(vtpm, template), policy, baseline);
    }

    private static void assertFailsWith(Verdict verdict, Code... codes) {
        assertFalse(verdict.passed(), verdict.toString());
        assertEquals(List.of(codes), verdict.reasons().stream().map(Reason::code).toList(), verdict.reasons().toString());
    }

    @ParameterizedTest
    @EnumSource(AkTemplates.class)
    void aGoodBootPassesWithEveryKindOfAttestationKey(AkTemplates template) throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, template);

        Verdict verdict = verifier.verify(attester(template, POLICY, Optional.empty()), evidence);

        assertTrue(verdict.passed(), verdict.reasons().toString());
        assertEquals(Verdict.Outcome.PASS, verdict.verdict());
        assertTrue(verdict.learnedBaselines().isEmpty(), "an explicit policy learns nothing");
    }

    @ParameterizedTest
    @EnumSource(AkTemplates.class)
    void aTamperedSignatureFails(AkTemplates template) throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, template);
        byte[] signature = evidence.signature().toByteArray();
        signature[signature.length - 1] ^= 0x01;
        Evidence tampered = new Evidence(evidence.attest(), Bytes.of(signature), evidence.pcrs(), evidence.eventLog());

        assertFailsWith(verifier.verify(attester(template, POLICY, Optional.empty()), tampered), Code.SIGNATURE_INVALID);
    }

    @Test
    void aChangedEventFailsThePolicyNotTheReplay() throws Exception {
        Event bootApplication = Logs.lastEventOf(GOOD_LOG, 4);
        byte[] otherBoot = Logs.withChangedDigest(Logs.CRYPTO_AGILE, bootApplication);
        Evidence evidence = bootAndQuote(vtpm, otherBoot, POLICY, AkTemplates.ECDSA_P256);

        Verdict verdict = verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), evidence);

        assertFailsWith(verdict, Code.PCR_MISMATCH, Code.EVENT_NOT_ALLOWED);
        PcrDifference pcr = verdict.reasons().get(0).pcr().orElseThrow();
        assertEquals(HashAlgorithm.SHA256, pcr.bank());
        assertEquals(4, pcr.pcr());
        assertEquals(POLICY.referencePcrs().value(HashAlgorithm.SHA256, 4).orElseThrow(), pcr.expected());
        assertEquals(List.of(new EventDigestRef(HashAlgorithm.SHA256, 4,
                Logs.digest(Logs.parse(otherBoot), bootApplication))), verdict.reasons().get(1).unexpectedEvents());
    }

    @Test
    void aLogThatDoesNotMatchTheQuoteFailsTheReplay() throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);
        byte[] edited = Logs.withChangedDigest(Logs.CRYPTO_AGILE, Logs.lastEventOf(GOOD_LOG, 4));
        Evidence lying = new Evidence(evidence.attest(), evidence.signature(), evidence.pcrs(),
                Optional.of(Bytes.of(edited)));

        Verdict verdict = verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), lying);

        assertFailsWith(verdict, Code.EVENT_LOG_REPLAY_MISMATCH);
        assertEquals(4, verdict.reasons().get(0).pcr().orElseThrow().pcr());
    }

    @Test
    void anExtraExtendFailsTheReplayAndTheReferenceValue() throws Exception {
        vtpm.reboot();
        vtpm.replay(GOOD_LOG);
        vtpm.extend(4, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'x'})));
        SimulatedBoot.LoadedKey key = vtpm.createPrimary(AkTemplates.ECDSA_P256.attestationKey());
        Evidence evidence = vtpm.quote(key, POLICY.quoteSelection(), challenges.issue(SUBJECT).nonce(),
                Optional.of(Bytes.of(Logs.CRYPTO_AGILE)));

        Verdict verdict = verifier.verify(new Attester(SUBJECT, key.ak(), POLICY, Optional.empty()), evidence);

        assertFailsWith(verdict, Code.EVENT_LOG_REPLAY_MISMATCH, Code.PCR_MISMATCH);
        assertEquals(4, verdict.reasons().get(0).pcr().orElseThrow().pcr());
        assertEquals(4, verdict.reasons().get(1).pcr().orElseThrow().pcr());
    }

    @Test
    void aReplayedNonceFails() throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);
        Attester attester = attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty());

        assertTrue(verifier.verify(attester, evidence).passed());
        assertFailsWith(verifier.verify(attester, evidence), Code.NONCE_REPLAYED);
    }

    @Test
    void aNonceNotIssuedToThisVtpmOrExpiredFails() throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);
        Attester other = new Attester("vtpm-b", ak(vtpm, AkTemplates.ECDSA_P256), POLICY, Optional.empty());
        assertFailsWith(verifier.verify(other, evidence), Code.NONCE_UNKNOWN);

        clock.advance(Duration.ofMinutes(2));
        assertFailsWith(verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), evidence),
                Code.NONCE_EXPIRED);
    }

    @Test
    void aQuoteFromAnotherVtpmsAkFails() throws Exception {
        Evidence evidence = bootAndQuote(otherVtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);

        Verdict verdict = verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), evidence);

        assertFailsWith(verdict, Code.WRONG_AK);
    }

    @Test
    void pcrValuesThatAreNotTheQuotedOnesFail() throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);
        Map<HashAlgorithm, SortedMap<Integer, Bytes>> values = new TreeMap<>(evidence.pcrs().banks());
        SortedMap<Integer, Bytes> sha256 = new TreeMap<>(values.get(HashAlgorithm.SHA256));
        sha256.put(4, POLICY.referencePcrs().value(HashAlgorithm.SHA256, 0).orElseThrow());
        values.put(HashAlgorithm.SHA256, sha256);
        Evidence lying = new Evidence(evidence.attest(), evidence.signature(), new PcrValues(values),
                evidence.eventLog());

        assertFailsWith(verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), lying),
                Code.PCR_DIGEST_MISMATCH);
    }

    @Test
    void anEventPolicyWithoutALogFails() throws Exception {
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, POLICY, AkTemplates.ECDSA_P256);
        Evidence noLog = new Evidence(evidence.attest(), evidence.signature(), evidence.pcrs(), Optional.empty());

        assertFailsWith(verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), noLog),
                Code.EVENT_LOG_MISSING);
    }

    @Test
    void theBaselinePolicyLearnsAtFirstAttestationAndReportsLaterDeviations() throws Exception {
        AttestationPolicy baseline = AttestationPolicy.baseline();
        Evidence first = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, baseline, AkTemplates.ECDSA_P256);

        Verdict learning = verifier.verify(attester(AkTemplates.ECDSA_P256, baseline, Optional.empty()), first);

        assertTrue(learning.passed(), learning.reasons().toString());
        Baseline learned = learning.learnedBaselines().get(Layer.VTPM);
        assertEquals(GOOD_LOG.replay().values(HashAlgorithm.SHA256), learned.pcrs().bank(HashAlgorithm.SHA256));
        assertEquals(POLICY.allowedEvents().size(), learned.events().size());

        Evidence same = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, baseline, AkTemplates.ECDSA_P256);
        Verdict again = verifier.verify(attester(AkTemplates.ECDSA_P256, baseline, Optional.of(learned)), same);
        assertTrue(again.passed(), again.reasons().toString());
        assertTrue(again.learnedBaselines().isEmpty());

        Event bootApplication = Logs.lastEventOf(GOOD_LOG, 4);
        byte[] otherBoot = Logs.withChangedDigest(Logs.CRYPTO_AGILE, bootApplication);
        Evidence changed = bootAndQuote(vtpm, otherBoot, baseline, AkTemplates.ECDSA_P256);
        Verdict deviation = verifier.verify(attester(AkTemplates.ECDSA_P256, baseline, Optional.of(learned)), changed);

        assertFailsWith(deviation, Code.BASELINE_DEVIATION);
        Reason reason = deviation.reasons().get(0);
        assertEquals(4, reason.pcr().orElseThrow().pcr());
        assertEquals(List.of(new EventDigestRef(HashAlgorithm.SHA256, 4, Logs.digest(Logs.parse(otherBoot),
                bootApplication))), reason.unexpectedEvents());
        assertEquals(List.of(new EventDigestRef(HashAlgorithm.SHA256, 4, Logs.digest(GOOD_LOG, bootApplication))),
                reason.missingEvents());
        assertTrue(deviation.learnedBaselines().isEmpty());
    }

    @Test
    void aFailedFirstAttestationTeachesNoBaseline() throws Exception {
        AttestationPolicy baseline = AttestationPolicy.baseline();
        Evidence evidence = bootAndQuote(otherVtpm, Logs.CRYPTO_AGILE, baseline, AkTemplates.ECDSA_P256);

        Verdict verdict = verifier.verify(attester(AkTemplates.ECDSA_P256, baseline, Optional.empty()), evidence);

        assertFailsWith(verdict, Code.WRONG_AK);
        assertTrue(verdict.learnedBaselines().isEmpty());
    }

    @Test
    void aQuoteMissingPcrsThePolicyJudgesFails() throws Exception {
        AttestationPolicy fewer = AttestationPolicy.baseline(Map.of(HashAlgorithm.SHA256,
                new TreeSet<>(List.of(0, 1))));
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, fewer, AkTemplates.ECDSA_P256);

        assertFailsWith(verifier.verify(attester(AkTemplates.ECDSA_P256, POLICY, Optional.empty()), evidence),
                Code.PCR_NOT_QUOTED);
    }

    @Test
    void aSelectionLargerThanOnePcrReadIsCollectedAndVerified() throws Exception {
        AttestationPolicy everything = AttestationPolicy.baseline(Map.of(HashAlgorithm.SHA256,
                new TreeSet<>(IntStream.range(0, 24).boxed().toList())));
        Evidence evidence = bootAndQuote(vtpm, Logs.CRYPTO_AGILE, everything, AkTemplates.ECDSA_P256);

        Verdict verdict = verifier.verify(attester(AkTemplates.ECDSA_P256, everything, Optional.empty()), evidence);

        assertTrue(verdict.passed(), verdict.reasons().toString());
        assertEquals(24, evidence.pcrs().bank(HashAlgorithm.SHA256).size());
        assertEquals(24, verdict.learnedBaselines().get(Layer.VTPM).pcrs().bank(HashAlgorithm.SHA256).size());
    }
}
