package org.vtpm.tpm.attest;

import java.time.Instant;

import org.vtpm.tpm.eventlog.Bytes;

/**
 * Where issued challenges are kept until they are used or expire. Implementations must make
 * {@link #redeem} atomic: of two verifications presenting the same nonce at once, exactly one may
 * see {@link Redemption#FRESH}. The EJB layer backs this with the database, so that any cluster
 * node can verify evidence for a challenge another node issued.
 */
public interface NonceRegistry {

    /**
     * Keeps a newly issued challenge.
     *
     * @throws IllegalStateException when the registry is full or already holds this nonce
     */
    void register(Challenge challenge);

    /**
     * Marks the nonce used by {@code subject} and says whether it was fresh. A nonce issued to
     * another subject is {@link Redemption#UNKNOWN} here and stays usable by its own subject.
     */
    Redemption redeem(String subject, Bytes nonce, Instant now);
}
