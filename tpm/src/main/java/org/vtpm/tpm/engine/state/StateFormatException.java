package org.vtpm.tpm.engine.state;

/** Saved engine state that this version cannot read: wrong magic, too new, truncated or inconsistent. */
public final class StateFormatException extends Exception {

    public StateFormatException(String message) {
        super(message);
    }

    public StateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
