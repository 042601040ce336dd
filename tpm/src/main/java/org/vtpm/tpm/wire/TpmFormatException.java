package org.vtpm.tpm.wire;

/**
 * Bytes that do not unmarshal to the expected TPM 2.0 structure. The response code is the one
 * a TPM returns for the same defect, so the engine can answer with it unchanged.
 */
public final class TpmFormatException extends TpmException {

    private final String detail;

    public TpmFormatException(TpmRc rc, String detail) {
        super(rc, rc + ": " + detail);
        this.detail = detail;
    }

    /** The same defect with its code located at a parameter, handle or session number. */
    public TpmFormatException located(TpmRc locatedRc) {
        TpmFormatException e = new TpmFormatException(locatedRc, detail);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
