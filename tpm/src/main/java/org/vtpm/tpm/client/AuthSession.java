package org.vtpm.tpm.client;

import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmException;

/**
 * What HMAC and policy sessions share: one view of a session started with TPM2_StartAuthSession,
 * its TPMA_SESSION bits, response verification and parameter encryption. Views of the same TPM
 * session share its {@link SessionState}, so its nonces roll once per command whichever view
 * carried it.
 */
abstract class AuthSession implements Session {

    final SessionState state;
    private final SessionAttributes attributes;

    AuthSession(SessionState state, SessionAttributes attributes) {
        this.state = state;
        this.attributes = attributes;
    }

    public final Handle handle() {
        return state.handle();
    }

    @Override
    public final SessionAttributes attributes() {
        return attributes;
    }

    /**
     * The TPM's latest nonce: what another session's HMAC covers when this one encrypts
     * parameters, and what TPM2_PolicySecret and TPM2_PolicySigned bind their authorization to.
     */
    @Override
    public final Nonce nonceTpm() {
        return state.nonceTpm();
    }

    /** True once a response has ended the session on the TPM. */
    public final boolean ended() {
        return state.ended();
    }

    @Override
    public final boolean requiresNames() {
        return true;
    }

    @Override
    public final byte[] encryptParameter(CommandContext context, byte[] firstParameter) throws TpmException {
        if (!attributes.has(SessionAttributes.DECRYPT)) {
            return firstParameter;
        }
        return state.encrypt(context, knownAuth(), firstParameter);
    }

    @Override
    public final void verify(ResponseContext context, AuthResponse response) throws TpmException {
        state.verify(context, response);
    }

    @Override
    public final byte[] decryptParameter(ResponseContext context, byte[] firstParameter) throws TpmException {
        if (!attributes.has(SessionAttributes.ENCRYPT)) {
            return firstParameter;
        }
        return state.decrypt(firstParameter);
    }

    /**
     * The authValue the TPM knows this session proves, without trailing zeros: part of the key of
     * its parameter encryption and, unless the session is bound to the entity, of its HMAC.
     */
    abstract byte[] knownAuth();
}
