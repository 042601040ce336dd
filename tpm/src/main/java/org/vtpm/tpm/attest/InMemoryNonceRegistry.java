package org.vtpm.tpm.attest;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

import org.vtpm.tpm.eventlog.Bytes;

/**
 * A {@link NonceRegistry} in memory, for a single verifier process and for tests.
 *
 * <p>Challenges are kept for {@code retention} past their expiry, so that presenting a nonce
 * again soon after it was used or expired is reported as such rather than as unknown; after that
 * they are forgotten. The number kept is bounded, so a flood of challenges cannot exhaust memory.
 */
public final class InMemoryNonceRegistry implements NonceRegistry {

    private final int capacity;
    private final Duration retention;
    private final Map<Bytes, Entry> entries = new HashMap<>();
    /** The same entries, soonest expiry first, so forgetting old ones never scans the rest. */
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(
            Comparator.comparing((Entry entry) -> entry.challenge.expiresAt()));

    public InMemoryNonceRegistry(int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative");
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    @Override
    public synchronized void register(Challenge challenge) {
        Objects.requireNonNull(challenge, "challenge");
        forgetOld(challenge.issuedAt());
        if (entries.containsKey(challenge.nonce())) {
            throw new IllegalStateException("nonce already issued: " + challenge.nonce());
        }
        if (entries.size() >= capacity) {
            throw new IllegalStateException("too many outstanding challenges (" + capacity + ")");
        }
        Entry entry = new Entry(challenge);
        entries.put(challenge.nonce(), entry);
        byExpiry.add(entry);
    }

    @Override
    public synchronized Redemption redeem(String subject, Bytes nonce, Instant now) {
        forgetOld(now);
        Entry entry = entries.get(nonce);
        if (entry == null || !entry.challenge.subject().equals(subject)) {
            return Redemption.UNKNOWN;
        }
        if (entry.used) {
            return Redemption.REPLAYED;
        }
        entry.used = true;
        return entry.challenge.isExpired(now) ? Redemption.EXPIRED : Redemption.FRESH;
    }

    /** The challenges currently remembered, used or not. */
    public synchronized int size() {
        return entries.size();
    }

    private void forgetOld(Instant now) {
        while (!byExpiry.isEmpty() && !byExpiry.peek().challenge.expiresAt().plus(retention).isAfter(now)) {
            entries.remove(byExpiry.poll().challenge.nonce());
        }
    }

    private static final class Entry {
        final Challenge challenge;
        boolean used;

        Entry(Challenge challenge) {
            this.challenge = challenge;
        }
    }
}
