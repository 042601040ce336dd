package org.vtpm.tpm.cli;

/** A command line a command cannot accept; the launcher prints the message and the usage. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
