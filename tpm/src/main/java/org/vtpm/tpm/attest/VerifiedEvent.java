package org.vtpm.tpm.attest;

import java.util.Objects;

/**
 * An event of the log whose PCR the quote covers and whose replay gave the quoted value, so the
 * quote vouches for its digest.
 *
 * @param logIndex the event's position in the log
 * @param type the event type's name ("EV_SEPARATOR"), for reports
 */
public record VerifiedEvent(int logIndex, String type, EventDigestRef ref) {

    public VerifiedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ref, "ref");
    }

    @Override
    public String toString() {
        return "event " + logIndex + " (" + type + ", " + ref.bank().tpmName() + " PCR " + ref.pcr() + ", "
                + ref.digest().hex() + ")";
    }
}
