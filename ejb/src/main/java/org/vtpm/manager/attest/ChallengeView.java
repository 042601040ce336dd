package org.vtpm.manager.attest;

import java.time.Instant;

/**
 * A challenge for an attester: the nonce to quote as qualifying data ({@code tpm2_quote -q}), in
 * hex, and until when evidence over it is accepted.
 */
public record ChallengeView(String vtpmId, String nonce, Instant expires) {
}
