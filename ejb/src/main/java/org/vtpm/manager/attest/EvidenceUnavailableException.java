package org.vtpm.manager.attest;

import jakarta.ejb.ApplicationException;

/**
 * No evidence could be gathered: a TPM did not answer, refused to quote, or its key is not the one
 * certified. Nothing was judged, so no verdict is recorded.
 */
@ApplicationException(rollback = true)
public class EvidenceUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvidenceUnavailableException(String message) {
        super(message);
    }

    public EvidenceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
