package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.EventLog;

/**
 * The product's own vTPM, the Java engine, makes quotes the verifier accepts, with every kind of
 * attestation key, and a changed boot fails as it does with swtpm.
 */
class EngineQuoteTest {

    private static final EventLog LOG = Logs.parse(Logs.CRYPTO_AGILE);
    private static final AttestationPolicy POLICY = AttestationPolicy.fromEventLog(LOG, HashAlgorithm.SHA256);

    private static SimulatedBoot engine;

    @BeforeAll
    static void manufacture() {
        engine = SimulatedBoot.engine();
    }

    @AfterAll
    static void discard() throws Exception {
        engine.close();
    }

    @ParameterizedTest
    @EnumSource(AkTemplates.class)
    void aGoodBootPassesAndAnExtraMeasurementFails(AkTemplates template) throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
        NonceRegistry registry = new InMemoryNonceRegistry(10, Duration.ofMinutes(10));
        Challenges challenges = new Challenges(registry, new SecureRandom(), clock, Duration.ofMinutes(1));
        AttestationVerifier verifier = new AttestationVerifier(registry, clock);
        engine.reboot();
        engine.replay(LOG);
        SimulatedBoot.LoadedKey ak = engine.createPrimary(template.attestationKey());
        Attester attester = new Attester("engine", ak.ak(), POLICY, Optional.empty());
        Optional<Bytes> log = Optional.of(Bytes.of(Logs.CRYPTO_AGILE));

        Evidence good = engine.quote(ak, POLICY.quoteSelection(), challenges.issue("engine").nonce(), log);
        Verdict passed = verifier.verify(attester, good);
        assertTrue(passed.passed(), passed.reasons().toString());

        engine.extend(0, Bytes.of(HashAlgorithm.SHA256.hash(new byte[] {'x'})));
        Evidence changed = engine.quote(ak, POLICY.quoteSelection(), challenges.issue("engine").nonce(), log);
        assertEquals(List.of(Reason.Code.EVENT_LOG_REPLAY_MISMATCH, Reason.Code.PCR_MISMATCH),
                verifier.verify(attester, changed).reasons().stream().map(Reason::code).toList());
    }
}
