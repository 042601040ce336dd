package org.vtpm.tpm.eventlog;

import java.util.Locale;

/**
 * Something wrong or unusual about a log, found while parsing or checking it. A log comes from an
 * untrusted machine, so problems are reported as values rather than thrown.
 *
 * @param kind what went wrong
 * @param eventIndex the index of the event concerned, or -1 when the problem concerns the log
 * @param offset the byte offset in the log where the problem was found, or -1 when none applies
 * @param message a sentence for a human reader
 */
public record Problem(Kind kind, int eventIndex, long offset, String message) {

    /** What a problem is about; the first three end parsing, so the log is incomplete. */
    public enum Kind {
        /** The log ends inside an event. */
        TRUNCATED(true),
        /** A field holds a value the format does not allow. */
        MALFORMED(true),
        /** A size exceeds a bound of {@link ParseLimits}. */
        LIMIT_EXCEEDED(true),
        /** An event's data does not have the structure its type calls for. */
        UNDECODABLE_DATA(false),
        /** The Spec ID table names an algorithm that cannot be replayed here. */
        UNSUPPORTED_ALGORITHM(false),
        /** An event lacks a digest for a bank of the Spec ID table, or has one twice. */
        DIGEST_SET_MISMATCH(false),
        /** An event names a PCR outside 0..23. */
        PCR_OUT_OF_RANGE(false),
        /** An event's digest is not the hash of its data although its type says it must be. */
        DIGEST_MISMATCH(false),
        /** One of PCRs 0..7 has no EV_SEPARATOR event. */
        MISSING_SEPARATOR(false),
        /** A UEFI log lacks the "Exit Boot Services Invocation" action. */
        MISSING_EXIT_BOOT_SERVICES(false),
        /** The log extends no PCR at all. */
        NO_MEASUREMENTS(false),
        /** A header event (Spec ID, StartupLocality) is logged where or as it is not allowed. */
        MISPLACED_HEADER(false);

        private final boolean endsParsing;

        Kind(boolean endsParsing) {
            this.endsParsing = endsParsing;
        }

        /** Whether events after this problem could not be read. */
        public boolean endsParsing() {
            return endsParsing;
        }

        /** The name in reports: lower case with dashes ("missing-separator"). */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(kind.label());
        if (eventIndex >= 0) {
            text.append(" at event ").append(eventIndex);
        }
        if (offset >= 0) {
            text.append(" (offset ").append(offset).append(')');
        }
        return text.append(": ").append(message).toString();
    }
}
