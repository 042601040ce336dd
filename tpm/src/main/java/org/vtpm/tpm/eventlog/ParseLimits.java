package org.vtpm.tpm.eventlog;

/**
 * Bounds the parser applies on top of the bytes actually present, so that one absurd field is
 * reported at once instead of being trusted.
 *
 * @param maxEventDataSize the largest event data accepted, in bytes
 * @param maxAlgorithms the largest number of algorithms in the Spec ID table
 * @param maxDigestSize the largest digest size the Spec ID table may declare
 */
public record ParseLimits(int maxEventDataSize, int maxAlgorithms, int maxDigestSize) {

    /**
     * Generous for real firmware: the largest events seen in practice are Secure Boot databases
     * and option ROM descriptions of some tens of kilobytes; TPM 2.0 digests are at most 64 bytes
     * (SHA-512) and a TPM implements only a handful of banks.
     */
    public static final ParseLimits DEFAULT = new ParseLimits(16 * 1024 * 1024, 16, 64);

    public ParseLimits {
        if (maxEventDataSize < 0 || maxAlgorithms < 1 || maxDigestSize < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
