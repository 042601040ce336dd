package org.vtpm.tpm.wire;

/**
 * A failure that the TPM 2.0 specification names by a response code: malformed bytes found while
 * unmarshalling, or an error a TPM returned.
 */
public abstract class TpmException extends Exception {

    private final TpmRc rc;

    protected TpmException(TpmRc rc, String message) {
        super(message);
        this.rc = rc;
    }

    public TpmRc rc() {
        return rc;
    }
}
