package org.vtpm.rar.api;

import jakarta.resource.ResourceException;

/** A TPM could not be reached or used; the message names the target and what went wrong. */
public class TpmResourceException extends ResourceException {

    private static final long serialVersionUID = 1L;

    public TpmResourceException(String message) {
        super(message);
    }

    public TpmResourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
