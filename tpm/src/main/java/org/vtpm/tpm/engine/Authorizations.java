package org.vtpm.tpm.engine;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.command.AuthRole;
import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.DecodedCommand;
import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.CfbParameterEncryption;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.crypto.XorObfuscation;
import org.vtpm.tpm.engine.commands.AuthValues;
import org.vtpm.tpm.engine.commands.CommandError;
import org.vtpm.tpm.engine.commands.Entities;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.DictionaryAttack;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The authorization area, run once for every command before its function (the role of the
 * reference implementation's SessionProcess.c). Each handle that needs authorization is matched
 * with the session at the same position; sessions are checked for being usable, then each
 * authorization (a password, or an HMAC over cpHash and the nonces), then a session may decrypt
 * the first parameter. After the command, {@link Area#respond} encrypts the first response
 * parameter if asked, rolls the nonces and computes the response HMACs.
 */
final class Authorizations {

    private static final SessionAttributes PASSWORD_FORBIDDEN = SessionAttributes.of(SessionAttributes.AUDIT,
            SessionAttributes.AUDIT_EXCLUSIVE, SessionAttributes.AUDIT_RESET, SessionAttributes.DECRYPT,
            SessionAttributes.ENCRYPT);
    private static final SessionAttributes AUDIT = SessionAttributes.of(SessionAttributes.AUDIT,
            SessionAttributes.AUDIT_EXCLUSIVE, SessionAttributes.AUDIT_RESET);
    private static final AuthResponse PASSWORD_ACK = new AuthResponse(Nonce.EMPTY,
            SessionAttributes.CONTINUE_SESSION, Auth.EMPTY);
    private static final int MIN_NONCE = 16;

    private final EngineState state;

    Authorizations(EngineState state) {
        this.state = state;
    }

    /** One session of a command, as checked: what its response needs. */
    private record Use(AuthCommand command, AuthSession session, byte[] authValue, boolean bound) {

        boolean isPassword() {
            return session == null;
        }

        /** sessionKey || authValue: the HMAC key, and (with the authValue of the entity) the encryption key. */
        byte[] key(boolean withAuth) {
            byte[] sessionKey = session.sessionKey();
            byte[] auth = withAuth ? authValue : new byte[0];
            byte[] out = new byte[sessionKey.length + auth.length];
            System.arraycopy(sessionKey, 0, out, 0, sessionKey.length);
            System.arraycopy(auth, 0, out, sessionKey.length, auth.length);
            return out;
        }
    }

    /** A command's checked authorization area. */
    final class Area {
        private final List<Use> uses;
        private final byte[] parameters;

        private Area(List<Use> uses, byte[] parameters) {
            this.uses = uses;
            this.parameters = parameters;
        }

        /** The parameter area, its first parameter decrypted if a session asked for it. */
        byte[] parameters() {
            return parameters;
        }

        /** The whole response buffer of a successful command. */
        <R extends TpmResponse> byte[] respond(CommandSpec<R> spec, St tag, TpmResponse response)
                throws CommandError {
            R typed = spec.responseType().cast(response);
            byte[] responseParameters = spec.responseParameters(typed);
            List<byte[]> newNonces = new ArrayList<>(uses.size());
            for (Use use : uses) {
                newNonces.add(use.isPassword() ? null : state.random().generate(use.session().hash().digestSize()));
            }
            for (int i = 0; i < uses.size(); i++) {
                Use use = uses.get(i);
                if (!use.isPassword() && use.command().sessionAttributes().has(SessionAttributes.ENCRYPT)
                        && spec.responseEncryptable()) {
                    responseParameters = crypt(use, newNonces.get(i), use.command().nonce().buffer(),
                            responseParameters, true);
                }
            }
            List<AuthResponse> acks = new ArrayList<>(uses.size());
            for (int i = 0; i < uses.size(); i++) {
                Use use = uses.get(i);
                if (use.isPassword()) {
                    acks.add(PASSWORD_ACK);
                    continue;
                }
                AuthSession session = use.session();
                byte[] nonceTpm = newNonces.get(i);
                session.nonceTpm(nonceTpm);
                SessionAttributes attributes = use.command().sessionAttributes();
                byte[] rpHash = ParameterHashes.rpHash(session.hash(), TpmRc.SUCCESS, spec.code(), responseParameters);
                byte[] hmac = Hmac.compute(session.hash(), use.key(use.authValue() != null && !use.bound()), rpHash,
                        nonceTpm, use.command().nonce().buffer(), new byte[] {(byte) attributes.value()});
                acks.add(new AuthResponse(new Nonce(nonceTpm), attributes, new Auth(hmac)));
                if (!attributes.has(SessionAttributes.CONTINUE_SESSION)) {
                    state.sessions().flush(use.command().sessionHandle());
                }
            }
            return ResponseFraming.encode(tag, spec.responseHandles(typed), responseParameters, acks);
        }
    }

    /** Checks every session of {@code command}. */
    Area authorize(DecodedCommand command) throws CommandError {
        List<AuthCommand> sessions = command.authorizations();
        List<Handle> authorized = new ArrayList<>();
        List<AuthRole> roles = new ArrayList<>();
        for (int i = 0; i < command.spec().authRoles().size(); i++) {
            if (command.spec().authRoles().get(i) != AuthRole.NONE) {
                authorized.add(command.handles().get(i));
                roles.add(command.spec().authRoles().get(i));
            }
        }
        int decrypting = -1;
        int encrypting = -1;
        for (int i = 0; i < sessions.size(); i++) {
            AuthCommand session = sessions.get(i);
            int number = i + 1;
            SessionAttributes attributes = session.sessionAttributes();
            if (session.sessionHandle().equals(Handle.RS_PW)) {
                if (i >= authorized.size()) {
                    throw CommandError.of(TpmRc.HANDLE.withSession(number));
                }
                if (!session.nonce().isEmpty()) {
                    throw CommandError.of(TpmRc.NONCE.withSession(number));
                }
                if ((attributes.value() & PASSWORD_FORBIDDEN.value()) != 0) {
                    throw CommandError.of(TpmRc.ATTRIBUTES.withSession(number));
                }
                continue;
            }
            AuthSession loaded = state.sessions().get(session.sessionHandle())
                    .orElseThrow(() -> CommandError.of(new TpmRc(TpmRc.REFERENCE_S0.value() + number - 1)));
            int nonceSize = session.nonce().size();
            if (nonceSize < MIN_NONCE || nonceSize > loaded.hash().digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withSession(number));
            }
            boolean crypt = attributes.has(SessionAttributes.DECRYPT) || attributes.has(SessionAttributes.ENCRYPT);
            if ((attributes.value() & AUDIT.value()) != 0
                    || i >= authorized.size() && !crypt
                    || attributes.has(SessionAttributes.DECRYPT) && (decrypting >= 0 || !command.spec().commandEncryptable())
                    || attributes.has(SessionAttributes.ENCRYPT) && (encrypting >= 0 || !command.spec().responseEncryptable())) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withSession(number));
            }
            if (crypt && loaded.symmetric().algorithm().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.SYMMETRIC.withSession(number));
            }
            if (attributes.has(SessionAttributes.DECRYPT)) {
                decrypting = i;
            }
            if (attributes.has(SessionAttributes.ENCRYPT)) {
                encrypting = i;
            }
        }
        List<Use> uses = checkAuthorizations(command, sessions, authorized, roles);
        byte[] parameters = command.parameters().toByteArray();
        if (decrypting >= 0) {
            Use use = uses.get(decrypting);
            parameters = crypt(use, use.command().nonce().buffer(), use.session().nonceTpm(), parameters, false);
        }
        return new Area(uses, parameters);
    }

    private List<Use> checkAuthorizations(DecodedCommand command, List<AuthCommand> sessions, List<Handle> authorized,
            List<AuthRole> roles) throws CommandError {
        DictionaryAttack da = state.dictionaryAttack();
        long clock = state.clock().clock();
        da.recover(clock);
        List<Use> uses = new ArrayList<>(sessions.size());
        List<Name> names = null;
        for (int i = 0; i < sessions.size(); i++) {
            AuthCommand session = sessions.get(i);
            AuthSession loaded = state.sessions().get(session.sessionHandle()).orElse(null);
            if (i >= authorized.size()) {
                uses.add(new Use(session, loaded, null, false));
                continue;
            }
            Handle entity = authorized.get(i);
            boolean lockout = entity.equals(Handle.RH_LOCKOUT);
            boolean exempt = Entities.isDaExempt(state, entity);
            if (lockout ? da.lockoutAuthLocked() : !exempt && da.inLockout()) {
                throw CommandError.of(TpmRc.LOCKOUT);
            }
            if (needsPolicy(entity, roles.get(i))) {
                throw CommandError.of(TpmRc.AUTH_UNAVAILABLE);
            }
            if (!exempt) {
                da.use();
            }
            byte[] authValue = AuthValues.trimTrailingZeros(Entities.authValue(state, entity));
            boolean valid;
            boolean bound = false;
            if (loaded == null) {
                valid = MessageDigest.isEqual(authValue, AuthValues.trimTrailingZeros(session.hmac().buffer()));
            } else {
                if (names == null) {
                    names = new ArrayList<>(command.handles().size());
                    for (Handle handle : command.handles()) {
                        names.add(Entities.name(state, handle));
                    }
                }
                Name name = Entities.name(state, entity);
                bound = !loaded.bindName().isEmpty() && loaded.bindName().equals(name);
                Use use = new Use(session, loaded, authValue, bound);
                byte[] cpHash = ParameterHashes.cpHash(loaded.hash(), command.spec().code(), names,
                        command.parameters().toByteArray());
                byte[] expected = Hmac.compute(loaded.hash(), use.key(!bound), cpHash, session.nonce().buffer(),
                        loaded.nonceTpm(), new byte[] {(byte) session.sessionAttributes().value()});
                valid = MessageDigest.isEqual(expected, session.hmac().buffer());
            }
            if (!valid) {
                if (exempt) {
                    throw CommandError.of(TpmRc.BAD_AUTH.withSession(i + 1));
                }
                if (lockout) {
                    da.lockoutFailed(clock);
                } else {
                    da.failed(clock);
                }
                throw CommandError.of(TpmRc.AUTH_FAIL.withSession(i + 1));
            }
            uses.add(new Use(session, loaded, authValue, bound));
        }
        return uses;
    }

    /**
     * Encrypts or decrypts the first parameter (the leading TPM2B's buffer) with the session's
     * algorithm, keyed with sessionKey || authValue of the entity the session authorizes, and the
     * nonces newer first.
     */
    private static byte[] crypt(Use use, byte[] newer, byte[] older, byte[] parameters, boolean encrypt)
            throws CommandError {
        if (parameters.length < 2) {
            throw CommandError.of(TpmRc.INSUFFICIENT.withParameter(1));
        }
        int size = (parameters[0] & 0xFF) << 8 | (parameters[1] & 0xFF);
        if (size > parameters.length - 2) {
            throw CommandError.of(TpmRc.INSUFFICIENT.withParameter(1));
        }
        byte[] contents = new byte[size];
        System.arraycopy(parameters, 2, contents, 0, size);
        AuthSession session = use.session();
        byte[] key = use.key(use.authValue() != null);
        byte[] result;
        if (session.symmetric().algorithm().equals(AlgId.XOR)) {
            result = XorObfuscation.apply(session.hash(), key, newer, older, contents);
        } else {
            int bits = ((KeyBits) session.symmetric().keyBits()).value();
            try {
                result = encrypt ? CfbParameterEncryption.encrypt(session.hash(), key, bits, newer, older, contents)
                        : CfbParameterEncryption.decrypt(session.hash(), key, bits, newer, older, contents);
            } catch (CryptoException e) {
                throw CommandError.of(TpmRc.SYMMETRIC);
            }
        }
        byte[] out = parameters.clone();
        System.arraycopy(result, 0, out, 2, size);
        return out;
    }

    /**
     * Whether only a policy session can authorize this use of an object: the USER role of an object
     * without userWithAuth, the ADMIN role of one with adminWithPolicy (Part 1, 19.7).
     */
    private boolean needsPolicy(Handle entity, AuthRole role) {
        if (!(entity.type().equals(Ht.TRANSIENT) || entity.type().equals(Ht.PERSISTENT))
                || !(state.objects().get(entity).orElseThrow() instanceof LoadedKey key)) {
            return false;
        }
        return role == AuthRole.USER && !key.has(ObjectAttributes.USER_WITH_AUTH)
                || role == AuthRole.ADMIN && key.has(ObjectAttributes.ADMIN_WITH_POLICY)
                || role == AuthRole.DUP;
    }
}
