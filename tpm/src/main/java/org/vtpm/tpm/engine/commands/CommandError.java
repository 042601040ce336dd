package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.wire.TpmRc;

/**
 * A command that ends with a response code other than success. It is how a command function
 * returns its error (with the parameter, handle or session number already applied) to the
 * dispatcher, which answers with it; it never leaves the engine. Thrown often by design, so it
 * carries no stack trace.
 */
public final class CommandError extends Exception {

    private final transient TpmRc rc;

    private CommandError(TpmRc rc) {
        super(rc.toString(), null, false, false);
        this.rc = rc;
    }

    public static CommandError of(TpmRc rc) {
        return new CommandError(rc);
    }

    public TpmRc rc() {
        return rc;
    }
}
