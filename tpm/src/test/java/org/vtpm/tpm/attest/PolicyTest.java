package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.attest.Reason.Code;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;

/** Policy rules judged on quotes made in software over the real log's PCR values. */
class PolicyTest {

    private static final SoftwareAk KEY = new SoftwareAk();
    private static final EventLog LOG = Logs.parse(Logs.CRYPTO_AGILE);
    private static final SortedMap<Integer, Bytes> PCRS = new TreeMap<>(LOG.replay().values(HashAlgorithm.SHA256));

    private final InMemoryNonceRegistry registry = new InMemoryNonceRegistry(10, Duration.ofMinutes(1));
    private final Challenges challenges = new Challenges(registry, new SecureRandom(), Clock.systemUTC(),
            Duration.ofMinutes(1));
    private final AttestationVerifier verifier = new AttestationVerifier(registry, Clock.systemUTC());

    private Verdict verify(AttestationPolicy policy, byte[] log) {
        Evidence quote = KEY.quote(challenges.issue("vtpm").nonce(), PCRS);
        Evidence evidence = new Evidence(quote.attest(), quote.signature(), quote.pcrs(), Optional.of(Bytes.of(log)));
        return verifier.verify(new Attester("vtpm", KEY.ak(), policy, Optional.empty()), evidence);
    }

    private static List<Code> codes(Verdict verdict) {
        return verdict.reasons().stream().map(Reason::code).toList();
    }

    private static AttestationPolicy events(Set<EventDigestRef> allowed, Set<EventDigestRef> required) {
        return new AttestationPolicy(PcrValues.EMPTY, allowed, required, Map.of());
    }

    private static EventDigestRef ref(Event event) {
        return new EventDigestRef(HashAlgorithm.SHA256, event.pcrIndex(), event.digest(HashAlgorithm.SHA256).orElseThrow());
    }

    @Test
    void aRequiredEventMustBeAmongTheVerifiedOnes() {
        EventDigestRef present = ref(Logs.lastEventOf(LOG, 4));
        EventDigestRef absent = new EventDigestRef(HashAlgorithm.SHA256, 4, Bytes.of(new byte[32]));

        assertTrue(verify(events(Set.of(), Set.of(present)), Logs.CRYPTO_AGILE).passed());
        Verdict verdict = verify(events(Set.of(), Set.of(present, absent)), Logs.CRYPTO_AGILE);
        assertEquals(List.of(Code.EVENT_REQUIRED_MISSING), codes(verdict));
        assertEquals(List.of(absent), verdict.reasons().get(0).missingEvents());
    }

    @Test
    void allowedDigestsRestrictOnlyThePcrsTheyName() {
        Set<EventDigestRef> pcr7 = new LinkedHashSet<>();
        LOG.events().stream().filter(event -> event.extendsPcr() && event.pcrIndex() == 7).map(PolicyTest::ref)
                .forEach(pcr7::add);

        assertTrue(verify(events(pcr7, Set.of()), Logs.CRYPTO_AGILE).passed());

        EventDigestRef dropped = pcr7.iterator().next();
        pcr7.remove(dropped);
        Verdict verdict = verify(events(pcr7, Set.of()), Logs.CRYPTO_AGILE);
        assertEquals(List.of(Code.EVENT_NOT_ALLOWED), codes(verdict));
        assertEquals(List.of(dropped), verdict.reasons().get(0).unexpectedEvents());
    }

    @Test
    void aTruncatedLogIsReportedWithTheReplayItNoLongerMatches() {
        byte[] truncated = Arrays.copyOf(Logs.CRYPTO_AGILE, Logs.CRYPTO_AGILE.length - 10);

        Verdict verdict = verify(AttestationPolicy.fromEventLog(LOG, HashAlgorithm.SHA256), truncated);

        assertEquals(Code.EVENT_LOG_MALFORMED, codes(verdict).get(0));
        assertTrue(codes(verdict).contains(Code.EVENT_LOG_REPLAY_MISMATCH), verdict.reasons().toString());
    }

    @Test
    void theDefaultPolicyQuotesTheBootPcrsOfSha256() {
        assertEquals(PcrSelectionList.of(new PcrSelection(AlgId.SHA256, PcrSelect.of(0, 1, 2, 3, 4, 5, 6, 7))),
                AttestationPolicy.baseline().quoteSelection());
        assertTrue(AttestationPolicy.baseline().learnsBaseline());
    }

    @Test
    void aPolicyNamingAPcrOutsideThePcClientRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AttestationPolicy.baseline(Map.of(HashAlgorithm.SHA256,
                new TreeSet<>(List.of(3, 24)))));
    }

    @Test
    void anUnrestrictedKeyIsNoAttestationKey() {
        Public area = KEY.ak().publicArea();
        Public unrestricted = new Public(area.type(), area.nameAlg(),
                area.objectAttributes().without(ObjectAttributes.RESTRICTED), area.authPolicy(), area.parameters(),
                area.unique());

        assertThrows(IllegalArgumentException.class, () -> new AttestationKey(unrestricted, KEY.ak().qualifiedName()));
    }
}
