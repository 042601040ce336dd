package org.vtpm.tpm.wire;

/**
 * A TPM type carried as one unsigned integer: constants (TPM_ALG_ID, TPM_CC ...), handles and
 * attribute sets. Lets checks, selectors and reserved-bit tests read the number generically.
 */
public interface TpmValue {

    int value();
}
