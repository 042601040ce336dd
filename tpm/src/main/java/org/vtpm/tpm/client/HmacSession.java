package org.vtpm.tpm.client;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
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
public final class HmacSession implements Session {

    private final SessionState state;
    private final SessionAttributes attributes;
    private final Auth authValue;

    private HmacSession(SessionState state, SessionAttributes attributes, Auth authValue) {
        this.state = state;
        this.attributes = attributes;
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
        return new HmacSession(state, attributes, Objects.requireNonNull(auth, "auth"));
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

    public Handle handle() {
        return state.handle();
    }

    @Override
    public SessionAttributes attributes() {
        return attributes;
    }

    @Override
    public Nonce nonceTpm() {
        return state.nonceTpm();
    }

    /** True once a response has ended the session on the TPM. */
    public boolean ended() {
        return state.ended();
    }

    @Override
    public boolean requiresNames() {
        return true;
    }

    @Override
    public byte[] encryptParameter(CommandContext context, byte[] firstParameter) throws TpmException {
        if (!attributes.has(SessionAttributes.DECRYPT)) {
            return firstParameter;
        }
        return state.encrypt(context, SessionState.significant(authValue), firstParameter);
    }

    @Override
    public AuthCommand authorize(CommandContext context) {
        byte[] auth = SessionState.significant(authValue);
        byte[] hmacAuth = context.authorizedHandle() < 0 || state.isBoundTo(context, auth) ? new byte[0] : auth;
        return state.authorize(context, attributes, hmacAuth, auth);
    }

    @Override
    public void verify(ResponseContext context, AuthResponse response) throws TpmException {
        state.verify(context, response);
    }

    @Override
    public byte[] decryptParameter(ResponseContext context, byte[] firstParameter) throws TpmException {
        if (!attributes.has(SessionAttributes.ENCRYPT)) {
            return firstParameter;
        }
        return state.decrypt(firstParameter);
    }

    @Override
    public String toString() {
        return "HmacSession[" + state.handle() + ", " + attributes + "]";
    }
}
