package org.vtpm.tpm.types;

/** TPMS_CLOCK_INFO: the TPM clock and its reset counts. */
public record ClockInfo(
        long clock,
        int resetCount,
        int restartCount,
        boolean safe) {
}
