package org.vtpm.tpm.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.eventlog.Bytes;

class NonceRegistryTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryNonceRegistry registry = new InMemoryNonceRegistry(4, Duration.ofMinutes(5));
    private final Challenges challenges = new Challenges(registry, new SecureRandom(), clock, Duration.ofMinutes(1));

    @Test
    void aNonceIsFreshOnceThenReplayed() {
        Challenge challenge = challenges.issue("vtpm-a");

        assertEquals(Challenges.NONCE_SIZE, challenge.nonce().length());
        assertEquals(Redemption.FRESH, registry.redeem("vtpm-a", challenge.nonce(), clock.instant()));
        assertEquals(Redemption.REPLAYED, registry.redeem("vtpm-a", challenge.nonce(), clock.instant()));
    }

    @Test
    void aNonceIssuedToAnotherSubjectIsUnknownAndStaysUsable() {
        Challenge challenge = challenges.issue("vtpm-a");

        assertEquals(Redemption.UNKNOWN, registry.redeem("vtpm-b", challenge.nonce(), clock.instant()));
        assertEquals(Redemption.FRESH, registry.redeem("vtpm-a", challenge.nonce(), clock.instant()));
    }

    @Test
    void aNonceNeverIssuedIsUnknown() {
        assertEquals(Redemption.UNKNOWN, registry.redeem("vtpm-a", Bytes.of(new byte[32]), clock.instant()));
    }

    @Test
    void anExpiredNonceIsReportedThenForgottenAfterTheRetention() {
        Challenge late = challenges.issue("vtpm-a");
        Challenge later = challenges.issue("vtpm-a");
        clock.advance(Duration.ofMinutes(1));

        assertEquals(Redemption.EXPIRED, registry.redeem("vtpm-a", late.nonce(), clock.instant()));
        assertEquals(Redemption.REPLAYED, registry.redeem("vtpm-a", late.nonce(), clock.instant()));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(Redemption.UNKNOWN, registry.redeem("vtpm-a", later.nonce(), clock.instant()));
        assertEquals(0, registry.size());
    }

    @Test
    void outstandingChallengesAreBounded() {
        for (int i = 0; i < 4; i++) {
            challenges.issue("vtpm-" + i);
        }
        assertThrows(IllegalStateException.class, () -> challenges.issue("vtpm-4"));

        clock.advance(Duration.ofMinutes(6));
        challenges.issue("vtpm-4");
        assertEquals(1, registry.size());
    }

    @Test
    void noncesDiffer() {
        assertNotEquals(challenges.issue("vtpm-a").nonce(), challenges.issue("vtpm-a").nonce());
    }

    @Test
    void ofConcurrentRedemptionsExactlyOneIsFresh() throws Exception {
        Challenge challenge = challenges.issue("vtpm-a");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Redemption>> attempts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                attempts.add(() -> registry.redeem("vtpm-a", challenge.nonce(), clock.instant()));
            }
            int fresh = 0;
            for (Future<Redemption> result : pool.invokeAll(attempts)) {
                fresh += result.get() == Redemption.FRESH ? 1 : 0;
            }
            assertEquals(1, fresh);
        } finally {
            pool.shutdownNow();
        }
    }
}
