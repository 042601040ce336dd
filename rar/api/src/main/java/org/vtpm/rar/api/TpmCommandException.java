package org.vtpm.rar.api;

/** The TPM answered a command with an error response code. */
public class TpmCommandException extends TpmResourceException {

    private static final long serialVersionUID = 1L;

    private final int responseCode;

    public TpmCommandException(String command, int responseCode) {
        super(String.format("%s failed with TPM response code 0x%08x", command, responseCode));
        this.responseCode = responseCode;
    }

    /** The raw {@code TPM_RC} the TPM returned. */
    public int responseCode() {
        return responseCode;
    }
}
