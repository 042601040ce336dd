package org.vtpm.tpm.types;

/** TPMS_TAGGED_PCR_SELECT: a PCR property and the PCRs that have it. */
public record TaggedPcrSelect(
        PtPcr tag,
        PcrSelect pcrSelect) {
}
