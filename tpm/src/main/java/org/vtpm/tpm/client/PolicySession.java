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
 * A policy session on the TPM (Part 1, 19.7): the caller runs policy commands on it with
 * {@link Tpm#execute} ({@code new PolicyPcr(session.handle(), ...)}), then passes it as the
 * authorization of the entity whose authPolicy the accumulated digest must equal. A trial
 * session only accumulates the digest, for TPM2_PolicyGetDigest.
 *
 * <p>The authorization it carries depends on what the policy asserted: after TPM2_PolicyAuthValue
 * the HMAC is keyed with the entity's authValue ({@link #withAuthValue}), after TPM2_PolicyPassword
 * the authValue travels in clear ({@link #withPassword}); otherwise the HMAC is keyed by the
 * session key alone. Not thread-safe; the caller owns its nonce state.
 */
public final class PolicySession extends AuthSession {

    private enum AuthMode { NONE, HMAC, PASSWORD }

    private final AuthMode mode;
    private final Auth authValue;

    private PolicySession(SessionState state, SessionAttributes attributes, AuthMode mode, Auth authValue) {
        super(state, attributes);
        this.mode = mode;
        this.authValue = authValue;
    }

    /** Starts a policy session as {@code setup} says. */
    public static PolicySession start(Tpm tpm, SessionSetup setup) throws TpmException, IOException {
        return start(tpm, setup, Se.POLICY);
    }

    /** Starts a trial policy session, which only computes a policy digest. */
    public static PolicySession startTrial(Tpm tpm, SessionSetup setup) throws TpmException, IOException {
        return start(tpm, setup, Se.TRIAL);
    }

    private static PolicySession start(Tpm tpm, SessionSetup setup, Se type) throws TpmException, IOException {
        return new PolicySession(setup.start(tpm, type, new SecureRandom()), SessionAttributes.CONTINUE_SESSION,
                AuthMode.NONE, Auth.EMPTY);
    }

    /** This session, for a policy that included TPM2_PolicyAuthValue: the HMAC proves {@code auth}. */
    public PolicySession withAuthValue(Auth auth) {
        return new PolicySession(state, attributes(), AuthMode.HMAC, Objects.requireNonNull(auth, "auth"));
    }

    /** This session, for a policy that included TPM2_PolicyPassword: {@code password} is sent in clear. */
    public PolicySession withPassword(Auth password) {
        return new PolicySession(state, attributes(), AuthMode.PASSWORD, Objects.requireNonNull(password, "password"));
    }

    /** This session with other TPMA_SESSION bits (see {@link HmacSession#withAttributes}). */
    public PolicySession withAttributes(SessionAttributes sessionAttributes) {
        state.checkCanEncrypt(sessionAttributes);
        return new PolicySession(state, sessionAttributes, mode, authValue);
    }

    @Override
    public AuthCommand authorize(CommandContext context) {
        byte[] auth = knownAuth();
        if (mode == AuthMode.PASSWORD) {
            return state.authorizeWithPassword(context, attributes(), auth);
        }
        return state.authorize(context, attributes(), auth, auth);
    }

    /** None unless the policy asserted the authValue. */
    @Override
    byte[] knownAuth() {
        return mode == AuthMode.NONE ? new byte[0] : SessionState.significant(authValue);
    }

    @Override
    public String toString() {
        return "PolicySession[" + handle() + ", " + attributes() + ", " + mode + "]";
    }
}
