package org.vtpm.manager;

import jakarta.ejb.ApplicationException;

/** A request the services refuse before doing anything: the message says what to change. */
@ApplicationException(rollback = true)
public class InvalidRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }
}
