package org.vtpm.tpm.types;

/** TPMS_TAGGED_PROPERTY: a TPM property and its value. */
public record TaggedProperty(
        Pt property,
        int value) {
}
