package org.vtpm.tpm.types;

/** TPMS_TIME_ATTEST_INFO: what GetTime attests. */
public record TimeAttestInfo(
        TimeInfo time,
        long firmwareVersion) implements AttestUnion {
}
