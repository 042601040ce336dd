package org.vtpm.tpm.client;

import java.security.SecureRandom;
import java.util.Arrays;

import org.vtpm.tpm.crypto.CfbParameterEncryption;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.crypto.XorObfuscation;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The client's half of one TPM session: its handle, hash, session key, the two nonces and what it
 * is bound to. HMAC and policy sessions share it; they differ only in which key authorizes.
 *
 * <p>The nonces roll once per command (Part 1, 19.6.4): a fresh nonceCaller when a command is
 * prepared, the TPM's new nonceTPM when its response verifies. Not thread-safe: a session serves
 * one command at a time, as on the TPM.
 */
final class SessionState {

    private final Handle handle;
    private final HashAlgorithm hash;
    private final SymDef symmetric;
    private final byte[] sessionKey;
    private final Name bindName;
    private final byte[] bindAuth;
    private final SecureRandom random;
    private Nonce nonceCaller;
    private Nonce nonceTpm;
    private boolean commandPrepared;
    private byte[] lastAuthValue = new byte[0];
    /** The authValue in the key of the pending response's HMAC; null when it carries none. */
    private byte[] responseHmacAuth = new byte[0];
    private boolean ended;

    SessionState(Handle handle, HashAlgorithm hash, SymDef symmetric, byte[] sessionKey, Nonce nonceCaller,
            Nonce nonceTpm, Name bindName, byte[] bindAuth, SecureRandom random) {
        this.handle = handle;
        this.hash = hash;
        this.symmetric = symmetric;
        this.sessionKey = sessionKey.clone();
        this.nonceCaller = nonceCaller;
        this.nonceTpm = nonceTpm;
        this.bindName = bindName;
        this.bindAuth = bindAuth.clone();
        this.random = random;
    }

    Handle handle() {
        return handle;
    }

    HashAlgorithm hash() {
        return hash;
    }

    Nonce nonceTpm() {
        return nonceTpm;
    }

    boolean ended() {
        return ended;
    }

    static Nonce newNonce(HashAlgorithm hash, SecureRandom random) {
        byte[] bytes = new byte[hash.digestSize()];
        random.nextBytes(bytes);
        return new Nonce(bytes);
    }

    /**
     * An authValue as the TPM uses it in keys: without trailing zero octets (Part 1, 19.6.7), so
     * that a password and the same password padded with zeros authorize alike.
     */
    static byte[] significant(Auth auth) {
        byte[] bytes = auth.buffer();
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        return Arrays.copyOf(bytes, length);
    }

    /**
     * True when the handle this command authorizes is the session's bind entity with the same
     * authValue: its authValue is then already in the session key and stays out of the HMAC key.
     */
    boolean isBoundTo(CommandContext context, byte[] authValue) {
        return bindName != null && context.authorizedName().filter(bindName::equals).isPresent()
                && Arrays.equals(bindAuth, authValue);
    }

    /** Starts a command: the nonceCaller it will carry, fresh unless already drawn for this attempt. */
    private void prepare() {
        if (ended) {
            throw new IllegalStateException("session " + handle + " has ended");
        }
        if (!commandPrepared) {
            nonceCaller = newNonce(hash, random);
            commandPrepared = true;
        }
    }

    /**
     * Encrypts the first parameter with the key {@code sessionKey || authValue} (the authValue
     * only when this session authorizes a handle) and the new nonceCaller.
     */
    byte[] encrypt(CommandContext context, byte[] authValue, byte[] parameter) throws SessionException {
        prepare();
        return crypt(keyWith(context.authorizedHandle() >= 0 ? authValue : new byte[0]), nonceCaller, nonceTpm,
                parameter, true);
    }

    /** The command's authorization, with an HMAC keyed by {@code sessionKey || hmacAuth}. */
    AuthCommand authorize(CommandContext context, SessionAttributes attributes, byte[] hmacAuth,
            byte[] encryptionAuth) {
        prepare();
        commandPrepared = false;
        lastAuthValue = context.authorizedHandle() >= 0 ? encryptionAuth.clone() : new byte[0];
        responseHmacAuth = hmacAuth.clone();
        byte[] hmac = Hmac.compute(hash, keyWith(hmacAuth), context.cpHash(hash), nonceCaller.buffer(),
                nonceTpm.buffer(), context.extraNonces().toByteArray(), new byte[] {(byte) attributes.value()});
        return new AuthCommand(handle, nonceCaller, attributes, new Auth(hmac));
    }

    /** Authorization by the clear authValue (a policy session after TPM2_PolicyPassword). */
    AuthCommand authorizeWithPassword(CommandContext context, SessionAttributes attributes, byte[] password) {
        prepare();
        commandPrepared = false;
        lastAuthValue = context.authorizedHandle() >= 0 ? password.clone() : new byte[0];
        responseHmacAuth = null;
        return new AuthCommand(handle, nonceCaller, attributes, new Auth(password));
    }

    /**
     * Takes the TPM's new nonce and checks the response HMAC over rpHash, keyed as the command's
     * was; a policy session satisfied by its password gets an empty HMAC. The session has ended on
     * the TPM when the response clears continueSession.
     */
    void verify(ResponseContext context, AuthResponse response) throws SessionException {
        if (response.nonce().size() != hash.digestSize()) {
            throw new SessionException(TpmRc.NONCE, "session " + handle + " answered with a nonce of "
                    + response.nonce().size() + " bytes");
        }
        nonceTpm = response.nonce();
        if (!response.sessionAttributes().has(SessionAttributes.CONTINUE_SESSION)) {
            ended = true;
        }
        if (responseHmacAuth == null) {
            if (!response.hmac().isEmpty()) {
                throw new SessionException(TpmRc.AUTH_FAIL, "session " + handle + " answered a password"
                        + " authorization with an HMAC");
            }
            return;
        }
        boolean valid = Hmac.verify(hash, keyWith(responseHmacAuth), response.hmac().buffer(), context.rpHash(hash),
                nonceTpm.buffer(), nonceCaller.buffer(), new byte[] {(byte) response.sessionAttributes().value()});
        if (!valid) {
            throw new SessionException(TpmRc.AUTH_FAIL,
                    "the response HMAC of session " + handle + " does not verify");
        }
    }

    /** Decrypts the response's first parameter, which the TPM encrypted with its new nonce. */
    byte[] decrypt(byte[] parameter) throws SessionException {
        return crypt(keyWith(lastAuthValue), nonceTpm, nonceCaller, parameter, false);
    }

    /** Refuses decrypt or encrypt for a session started without a symmetric algorithm. */
    void checkCanEncrypt(SessionAttributes attributes) {
        boolean crypts = attributes.has(SessionAttributes.DECRYPT) || attributes.has(SessionAttributes.ENCRYPT);
        if (crypts && symmetric.algorithm().equals(AlgId.NULL)) {
            throw new IllegalArgumentException("session " + handle + " was started without parameter encryption");
        }
    }

    private byte[] crypt(byte[] key, Nonce newer, Nonce older, byte[] parameter, boolean encrypt)
            throws SessionException {
        AlgId algorithm = symmetric.algorithm();
        if (algorithm.equals(AlgId.XOR)) {
            return XorObfuscation.apply(hash, key, newer.buffer(), older.buffer(), parameter);
        }
        if (algorithm.equals(AlgId.AES) && symmetric.keyBits() instanceof KeyBits bits) {
            try {
                return encrypt
                        ? CfbParameterEncryption.encrypt(hash, key, bits.value(), newer.buffer(), older.buffer(),
                                parameter)
                        : CfbParameterEncryption.decrypt(hash, key, bits.value(), newer.buffer(), older.buffer(),
                                parameter);
            } catch (CryptoException e) {
                throw new SessionException(TpmRc.SYMMETRIC, "parameter encryption failed: " + e.getMessage());
            }
        }
        throw new SessionException(TpmRc.SYMMETRIC, "session " + handle + " has no parameter encryption ("
                + algorithm + ")");
    }

    private byte[] keyWith(byte[] authValue) {
        byte[] key = Arrays.copyOf(sessionKey, sessionKey.length + authValue.length);
        System.arraycopy(authValue, 0, key, sessionKey.length, authValue.length);
        return key;
    }
}
