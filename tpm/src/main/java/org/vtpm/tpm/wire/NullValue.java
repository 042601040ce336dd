package org.vtpm.tpm.wire;

/** Whether a {@link Check checked} component accepts its type's null value (TPM_ALG_NULL, TPM_RH_NULL). */
public enum NullValue {
    REJECTED,
    ACCEPTED,
    /** Accepted only where the enclosing structure is used with the specification's "+". */
    IF_PLUS
}
