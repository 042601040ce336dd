package org.vtpm.rar.api;

/**
 * The TPM behind a connection did not answer (process gone, socket closed, timeout). The
 * connection is discarded by the pool; a later connection may succeed once the TPM is back.
 */
public class TpmUnavailableException extends TpmResourceException {

    private static final long serialVersionUID = 1L;

    public TpmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
