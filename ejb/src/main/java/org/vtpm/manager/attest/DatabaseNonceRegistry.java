package org.vtpm.manager.attest;

import java.time.Instant;
import java.util.Objects;

import org.vtpm.tpm.attest.Challenge;
import org.vtpm.tpm.attest.NonceRegistry;
import org.vtpm.tpm.attest.Redemption;
import org.vtpm.tpm.eventlog.Bytes;

/** The attestation library's nonce registry over {@link ChallengeStore}, shared by the cluster. */
final class DatabaseNonceRegistry implements NonceRegistry {

    private final ChallengeStore store;

    DatabaseNonceRegistry(ChallengeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void register(Challenge challenge) {
        store.register(challenge);
    }

    @Override
    public Redemption redeem(String subject, Bytes nonce, Instant now) {
        return store.redeem(subject, nonce.hex(), now);
    }
}
