package org.vtpm.manager.host;

import jakarta.ejb.ApplicationException;

/**
 * A host's physical TPM could not protect or release its keys: unreachable, or refusing to
 * unseal the KEK (another pTPM, PCRs moved). The message says which; it never holds key bytes.
 */
@ApplicationException(rollback = true)
public class KeyProtectionFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyProtectionFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
