package org.vtpm.tpm.client;

import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmException;

/**
 * One authorization session as used by one command: a value the caller passes to
 * {@link Tpm#execute}, never state kept by {@link Tpm}. The i-th session authorizes the i-th
 * handle that needs authorization; further sessions serve auditing or parameter encryption.
 *
 * <p>{@link Tpm} calls, in order: {@link #encryptParameter} (when the command's first parameter is
 * a TPM2B), {@link #authorize}, and after a successful response {@link #verify} and
 * {@link #decryptParameter}. HMAC and policy sessions keep their nonces between these calls. When
 * the TPM asks for a retry (TPM_RC_RETRY, TPM_RC_YIELDED, TPM_RC_TESTING), encryption and
 * authorization run again for the new attempt.
 */
public interface Session {

    /**
     * Whether this session needs the names of the command's handles (for cpHash): HMAC and policy
     * sessions do, the password session does not.
     */
    default boolean requiresNames() {
        return false;
    }

    /** The TPMA_SESSION bits this session sends with the next command. */
    default SessionAttributes attributes() {
        return SessionAttributes.CONTINUE_SESSION;
    }

    /**
     * The TPM's latest nonce for this session, which another session's HMAC covers when this one
     * encrypts parameters; empty for the password session, which has none.
     */
    default Nonce nonceTpm() {
        return Nonce.EMPTY;
    }

    /**
     * Encrypts the contents of the command's first parameter (its TPM2B buffer, without the size)
     * when this session has TPMA_SESSION.decrypt; otherwise returns it unchanged.
     */
    default byte[] encryptParameter(CommandContext context, byte[] firstParameter) throws TpmException {
        return firstParameter;
    }

    /** The authorization for the command's authorization area. */
    AuthCommand authorize(CommandContext context) throws TpmException;

    /** Checks this session's part of a successful response (its HMAC, for HMAC and policy sessions). */
    void verify(ResponseContext context, AuthResponse response) throws TpmException;

    /**
     * Decrypts the contents of the response's first parameter when this session has
     * TPMA_SESSION.encrypt; otherwise returns it unchanged.
     */
    default byte[] decryptParameter(ResponseContext context, byte[] firstParameter) throws TpmException {
        return firstParameter;
    }
}
