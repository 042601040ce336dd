package org.vtpm.tpm.types;

/** TPMS_ACT_DATA: the state of an authenticated countdown timer. */
public record ActData(
        Handle handle,
        int timeout,
        ActAttributes attributes) {
}
