package org.vtpm.tpm.server;

import org.vtpm.tpm.transport.swtpm.PtmException;

/**
 * A platform operation was refused or failed. The result is the TPM 1.2 {@code TPM_RESULT} swtpm
 * answers on its control channel, so the control channel passes it on unchanged.
 */
public final class PlatformException extends Exception {

    private final int result;

    public PlatformException(int result, String message) {
        super(message);
        this.result = result;
    }

    public PlatformException(int result, String message, Throwable cause) {
        super(message, cause);
        this.result = result;
    }

    static PlatformException notRunning() {
        return new PlatformException(PtmException.TPM_BAD_ORDINAL, "the TPM is not running");
    }

    static PlatformException running() {
        return new PlatformException(PtmException.TPM_BAD_ORDINAL, "the TPM must be stopped first");
    }

    /** A {@code TPM_RESULT}, such as {@link PtmException#TPM_BAD_LOCALITY}. */
    public int result() {
        return result;
    }
}
