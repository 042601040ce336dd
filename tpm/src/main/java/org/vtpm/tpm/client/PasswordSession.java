package org.vtpm.tpm.client;

import java.nio.charset.StandardCharsets;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The password authorization (TPM_RS_PW, Part 1, 19.6.4): the authValue travels in clear as the
 * HMAC field, and the TPM answers with an empty nonce and HMAC.
 */
public final class PasswordSession implements Session {

    private static final PasswordSession EMPTY = new PasswordSession(Auth.EMPTY);

    private final Auth password;

    private PasswordSession(Auth password) {
        this.password = password;
    }

    public static PasswordSession of(Auth password) {
        return new PasswordSession(password);
    }

    /** A password given as text, encoded as UTF-8 as tpm2-tools does. */
    public static PasswordSession of(String password) {
        return new PasswordSession(new Auth(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** The empty password, which authorizes entities whose authValue is empty. */
    public static PasswordSession empty() {
        return EMPTY;
    }

    @Override
    public AuthCommand authorize(CommandContext context) {
        return new AuthCommand(Handle.RS_PW, Nonce.EMPTY, SessionAttributes.CONTINUE_SESSION, password);
    }

    @Override
    public void verify(ResponseContext context, AuthResponse response) throws TpmFormatException {
        if (!response.nonce().isEmpty() || !response.hmac().isEmpty()) {
            throw new TpmFormatException(TpmRc.VALUE, "password session answered with a nonce or HMAC");
        }
    }

    @Override
    public String toString() {
        return "PasswordSession[" + (password.isEmpty() ? "empty" : "***") + "]";
    }
}
