package org.vtpm.tpm.types;

/** TPMS_TIME_INFO: the time since the last TPM_Init, and the clock. */
public record TimeInfo(
        long time,
        ClockInfo clockInfo) {
}
