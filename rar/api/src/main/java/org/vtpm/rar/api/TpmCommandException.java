package org.vtpm.rar.api;

import org.vtpm.tpm.wire.TpmRc;

/** The TPM answered a command with an error or warning response code. */
public class TpmCommandException extends TpmResourceException {

    private static final long serialVersionUID = 1L;

    private final int responseCode;

    public TpmCommandException(String command, TpmRc rc) {
        super(command + " failed: " + rc);
        this.responseCode = rc.value();
    }

    /** The {@code TPM_RC} the TPM returned. */
    public TpmRc rc() {
        return new TpmRc(responseCode);
    }
}
