package org.vtpm.tpm.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmException;

/**
 * An HMAC authorization session (Part 1, 19.6): each command carries an HMAC over its cpHash and
 * both nonces keyed by {@code sessionKey || authValue}, and each response an HMAC over its rpHash
 * that {@link #verify} checks, so a response that does not verify is a {@link SessionException}.
 * With TPMA_SESSION decrypt or encrypt the session also encrypts the first command or response
 * parameter (AES-CFB or XOR, as the session was started with).
 *
 * <p>One TPM session may be used through several views ({@link #withAuth}, {@link #withAttributes})
 * that share its nonces; the caller owns it and must not use it from two threads at once, nor in
 * two commands in flight. When a response clears continueSession, the session has ended.
 */
public final class HmacSession extends AuthSession {

    private final Auth authValue;

    private HmacSession(SessionState state, SessionAttributes attributes, Auth authValue) {
        super(state, attributes);
        this.authValue = authValue;
    }

    /**
     * Starts an HMAC session as {@code setup} says. It continues after each command, authorizes
     * the empty authValue and encrypts nothing until {@link #withAuth} and {@link #withAttributes}
     * say otherwise.
     */
    public static HmacSession start(Tpm tpm, SessionSetup setup) throws TpmException, IOException {
        return start(tpm, setup, new SecureRandom());
    }

    /** As {@link #start(Tpm, SessionSetup)}, drawing nonces and the salt from {@code random}. */
    public static HmacSession start(Tpm tpm, SessionSetup setup, SecureRandom random)
            throws TpmException, IOException {
        return new HmacSession(setup.start(tpm, Se.HMAC, random), SessionAttributes.CONTINUE_SESSION, Auth.EMPTY);
    }

    /** This session authorizing an entity whose authValue is {@code auth}. */
    public HmacSession withAuth(Auth auth) {
        return new HmacSession(state, attributes(), Objects.requireNonNull(auth, "auth"));
    }

    /**
     * This session with other TPMA_SESSION bits: DECRYPT encrypts the command's first parameter,
     * ENCRYPT has the TPM encrypt the response's; without CONTINUE_SESSION the TPM ends the
     * session after the command.
     */
    public HmacSession withAttributes(SessionAttributes sessionAttributes) {
        state.checkCanEncrypt(sessionAttributes);
        return new HmacSession(state, sessionAttributes, authValue);
    }

    @Override
    public AuthCommand authorize(CommandContext context) {
        byte[] auth = knownAuth();
        byte[] hmacAuth = context.authorizedHandle() < 0 || state.isBoundTo(context, auth) ? new byte[0] : auth;
        return state.authorize(context, attributes(), hmacAuth, auth);
    }

    @Override
    byte[] knownAuth() {
        return SessionState.significant(authValue);
    }

    @Override
    public String toString() {
        return "HmacSession[" + handle() + ", " + attributes() + "]";
    }
}
