package org.vtpm.tpm.client;

import org.vtpm.tpm.wire.TpmException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A session refused a response, or could not protect a command: the response HMAC does not verify
 * (the response was altered, or came from a TPM that does not share the session key), or a
 * parameter could not be encrypted or decrypted.
 */
public final class SessionException extends TpmException {

    public SessionException(TpmRc rc, String message) {
        super(rc, message);
    }
}
