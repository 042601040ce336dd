package org.vtpm.tpm.attest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.vtpm.tpm.eventlog.Bytes;

/** Issues challenges: a nonce from a strong random source, registered with its expiry. */
public final class Challenges {

    /** As long as a SHA-256 digest: unguessable, and it fits any quote's qualifying data. */
    public static final int NONCE_SIZE = 32;

    private final NonceRegistry registry;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;

    public Challenges(NonceRegistry registry, SecureRandom random, Clock clock, Duration lifetime) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        this.lifetime = lifetime;
    }

    /** A new challenge for {@code subject}, already registered. */
    public Challenge issue(String subject) {
        byte[] nonce = new byte[NONCE_SIZE];
        random.nextBytes(nonce);
        Instant now = clock.instant();
        Challenge challenge = new Challenge(subject, Bytes.of(nonce), now, now.plus(lifetime));
        registry.register(challenge);
        return challenge;
    }
}
