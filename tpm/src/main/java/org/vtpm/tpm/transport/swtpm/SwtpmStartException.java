package org.vtpm.tpm.transport.swtpm;

import java.io.IOException;

/** swtpm could not be started, died while starting, or did not answer in time; the message holds its log. */
public class SwtpmStartException extends IOException {

    public SwtpmStartException(String message) {
        super(message);
    }

    public SwtpmStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
