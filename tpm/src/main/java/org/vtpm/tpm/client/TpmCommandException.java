package org.vtpm.tpm.client;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;

/** A TPM answered a command with an error or warning code. */
public final class TpmCommandException extends TpmException {

    private final int code;

    public TpmCommandException(Cc code, TpmRc rc) {
        super(rc, code + " failed: " + rc + String.format(" (0x%03X)", rc.value()));
        this.code = code.value();
    }

    /** The command that failed. */
    public Cc code() {
        return new Cc(code);
    }
}
