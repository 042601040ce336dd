package org.vtpm.tpm.eventlog;

/**
 * Bounds the parser applies on top of the bytes actually present, so that an absurd log or field
 * is reported at once instead of being trusted.
 *
 * @param maxLogSize the largest log accepted, in bytes
 * @param maxEvents the largest number of events read; each costs memory beyond its bytes
 * @param maxEventDataSize the largest event data accepted, in bytes
 * @param maxAlgorithms the largest number of algorithms in the Spec ID table
 * @param maxDigestSize the largest digest size the Spec ID table may declare
 */
public record ParseLimits(int maxLogSize, int maxEvents, int maxEventDataSize, int maxAlgorithms,
        int maxDigestSize) {

    /**
     * Generous for real firmware: logs run to some hundred kilobytes and a few thousand events,
     * the largest events are Secure Boot databases and option ROM tables of tens of kilobytes;
     * TPM 2.0 digests are at most 64 bytes (SHA-512) and a TPM implements a handful of banks.
     */
    public static final ParseLimits DEFAULT = new ParseLimits(64 * 1024 * 1024, 100_000, 16 * 1024 * 1024, 16, 64);

    public ParseLimits {
        if (maxLogSize < 0 || maxEvents < 1 || maxEventDataSize < 0 || maxAlgorithms < 1 || maxDigestSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
