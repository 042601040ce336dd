package org.vtpm.tpm.attest;

/** What a {@link NonceRegistry} found when evidence presented a nonce. */
public enum Redemption {
    /** Issued to this subject, unexpired and unused until now: it is used from now on. */
    FRESH,
    /** Never issued to this subject (or forgotten long after it expired). */
    UNKNOWN,
    /** Issued to this subject, but presented after it expired. */
    EXPIRED,
    /** Issued to this subject and already presented once. */
    REPLAYED
}
