package org.vtpm.tpm.types;

/** TPMS_AUTH_RESPONSE: one session's acknowledgement in a response. */
public record AuthResponse(
        Nonce nonce,
        SessionAttributes sessionAttributes,
        Auth hmac) {
}
