package org.vtpm.tpm.attest;

import java.time.Instant;
import java.util.Objects;

import org.vtpm.tpm.eventlog.Bytes;

/**
 * A nonce issued to one attester, to be quoted as qualifying data before it expires, once.
 *
 * @param subject who the nonce was issued to (a vTPM id); evidence from anyone else cannot use it
 * @param nonce the random value the quote must carry as its extraData
 */
public record Challenge(String subject, Bytes nonce, Instant issuedAt, Instant expiresAt) {

    public Challenge {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a challenge must expire after it is issued");
        }
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
