package org.vtpm.tpm.engine;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vtpm.tpm.command.AuthRole;
import org.vtpm.tpm.command.CommandSpec;
import org.vtpm.tpm.command.DecodedCommand;
import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.command.ResponseFraming;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.CfbParameterEncryption;
import org.vtpm.tpm.crypto.Hmac;
import org.vtpm.tpm.crypto.XorObfuscation;
import org.vtpm.tpm.engine.commands.AuthValues;
import org.vtpm.tpm.engine.commands.CommandError;
import org.vtpm.tpm.engine.commands.Entities;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.CommandAudit;
import org.vtpm.tpm.engine.state.DictionaryAttack;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The authorization area, run once for every command before its function (the role of the
 * reference implementation's SessionProcess.c). Each handle that needs authorization is matched
 * with the session at the same position; sessions are checked for being usable, then each
 * authorization (a password, an HMAC over cpHash and the nonces, or a policy session whose digest
 * and deferred conditions hold), then a session may decrypt the first parameter. After the
 * command, {@link Area#respond} encrypts the first response parameter if asked, extends the audit
 * session's digest, rolls the nonces, computes the response HMACs and resets used policy sessions.
 */
final class Authorizations {

    private static final SessionAttributes PASSWORD_FORBIDDEN = SessionAttributes.of(SessionAttributes.AUDIT,
            SessionAttributes.AUDIT_EXCLUSIVE, SessionAttributes.AUDIT_RESET, SessionAttributes.DECRYPT,
            SessionAttributes.ENCRYPT);
    private static final AuthResponse PASSWORD_ACK = new AuthResponse(Nonce.EMPTY,
            SessionAttributes.CONTINUE_SESSION, Auth.EMPTY);
    private static final int MIN_NONCE = 16;
    /** Commands that take no sessions, so that they leave the exclusive audit session alone. */
    private static final Set<Integer> SESSIONLESS = Set.of(Cc.CONTEXT_SAVE.value(), Cc.CONTEXT_LOAD.value(),
            Cc.FLUSH_CONTEXT.value());

    private final EngineState state;
    private final PolicyAuthorization policies;

    Authorizations(EngineState state) {
        this.state = state;
        this.policies = new PolicyAuthorization(state);
    }

    /**
     * One session of a command, as checked: what its response needs.
     *
     * @param entity the handle it authorizes, or null
     * @param includeAuth whether the entity's authValue keys its HMACs (not for a bound HMAC
     *     session, and for a policy session only after PolicyAuthValue)
     */
    private record Use(AuthCommand command, AuthSession session, Handle entity, byte[] authValue,
            boolean includeAuth) {

        boolean isPassword() {
            return session == null;
        }

        /** sessionKey || authValue: the HMAC key, and (with the authValue of the entity) the encryption key. */
        byte[] key(boolean withAuth) {
            byte[] sessionKey = session.sessionKey();
            byte[] auth = withAuth && authValue != null ? authValue : new byte[0];
            byte[] out = new byte[sessionKey.length + auth.length];
            System.arraycopy(sessionKey, 0, out, 0, sessionKey.length);
            System.arraycopy(auth, 0, out, sessionKey.length, auth.length);
            return out;
        }

        boolean passwordInClear() {
            return session.policy().map(PolicyState::passwordNeeded).orElse(false);
        }
    }

    /** A command's checked authorization area. */
    final class Area {
        private final DecodedCommand command;
        private final List<Use> uses;
        private final byte[] parameters;
        private final int audit;

        private Area(DecodedCommand command, List<Use> uses, byte[] parameters, int audit) {
            this.command = command;
            this.uses = uses;
            this.parameters = parameters;
            this.audit = audit;
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
            SessionAttributes auditAttributes = audit(spec, responseParameters);
            commandAudit(spec, responseParameters);
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
                SessionAttributes attributes = i == audit ? auditAttributes : use.command().sessionAttributes();
                byte[] key = afterCommand(use).key(use.includeAuth());
                byte[] hmac = use.passwordInClear() || key.length == 0 && use.command().hmac().isEmpty()
                        ? new byte[0]
                        : Hmac.compute(session.hash(), key,
                                ParameterHashes.rpHash(session.hash(), TpmRc.SUCCESS, spec.code(), responseParameters),
                                nonceTpm, use.command().nonce().buffer(), new byte[] {(byte) attributes.value()});
                acks.add(new AuthResponse(new Nonce(nonceTpm), attributes, new Auth(hmac)));
                if (!attributes.has(SessionAttributes.CONTINUE_SESSION)) {
                    state.sessions().flush(use.command().sessionHandle());
                } else {
                    session.policy().ifPresent(p -> p.restart(state.clock().time(), state.sessions().epoch()));
                }
            }
            return ResponseFraming.encode(tag, spec.responseHandles(typed), responseParameters, acks);
        }

        /** Extends the command audit digest when the command is audited (Part 1, 19.6.17). */
        private void commandAudit(CommandSpec<?> spec, byte[] responseParameters) {
            CommandAudit commandAudit = state.audit();
            if (commandAudit.isAudited(spec.code())) {
                HashAlgorithm hash = commandAudit.hash();
                commandAudit.extend(
                        ParameterHashes.cpHash(hash, spec.code(), names(command), command.parameters().toByteArray()),
                        ParameterHashes.rpHash(hash, TpmRc.SUCCESS, spec.code(), responseParameters));
            }
        }

        /**
         * Extends the audit session's digest with cpHash and rpHash; the first use, or
         * auditReset, starts it over and makes it the exclusive audit session, which any command
         * without it ends being.
         *
         * @return the audit session's attributes as the response reports them
         */
        private SessionAttributes audit(CommandSpec<?> spec, byte[] responseParameters) {
            if (audit < 0) {
                if (!SESSIONLESS.contains(spec.code().value())) {
                    state.sessions().exclusiveAudit(Optional.empty());
                }
                return null;
            }
            Use use = uses.get(audit);
            AuthSession session = use.session();
            Handle handle = use.command().sessionHandle();
            SessionAttributes attributes = use.command().sessionAttributes();
            if (!session.isAudit() || attributes.has(SessionAttributes.AUDIT_RESET)) {
                session.startAudit();
                state.sessions().exclusiveAudit(Optional.of(handle));
            } else if (!state.sessions().exclusiveAudit().filter(handle::equals).isPresent()) {
                state.sessions().exclusiveAudit(Optional.empty());
            }
            boolean exclusive = state.sessions().exclusiveAudit().filter(handle::equals).isPresent();
            session.extendAudit(
                    ParameterHashes.cpHash(session.hash(), spec.code(), names(command),
                            command.parameters().toByteArray()),
                    ParameterHashes.rpHash(session.hash(), TpmRc.SUCCESS, spec.code(), responseParameters));
            return exclusive ? attributes.with(SessionAttributes.AUDIT_EXCLUSIVE)
                    : attributes.without(SessionAttributes.AUDIT_EXCLUSIVE);
        }
    }

    /** Checks every session of {@code command}, which arrived at {@code locality}. */
    Area authorize(DecodedCommand command, int locality) throws CommandError {
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
        int auditing = -1;
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
            // A policy session proving the authValue in clear carries no HMAC for a nonce to
            // freshen, and tpm2-tss sends it without one, as the reference implementation allows.
            boolean inClear = loaded.policy().filter(PolicyState::passwordNeeded).isPresent();
            if (nonceSize < (inClear ? 0 : MIN_NONCE) || nonceSize > loaded.hash().digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withSession(number));
            }
            boolean crypt = attributes.has(SessionAttributes.DECRYPT) || attributes.has(SessionAttributes.ENCRYPT);
            boolean audit = attributes.has(SessionAttributes.AUDIT);
            if (loaded.policy().filter(PolicyState::isTrial).isPresent()
                    || i >= authorized.size() && !crypt && !audit
                    || audit && (auditing >= 0 || loaded.isPolicy())
                    || attributes.has(SessionAttributes.DECRYPT) && (decrypting >= 0 || !command.spec().commandEncryptable())
                    || attributes.has(SessionAttributes.ENCRYPT) && (encrypting >= 0 || !command.spec().responseEncryptable())) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withSession(number));
            }
            if (crypt && loaded.symmetric().algorithm().equals(AlgId.NULL)) {
                throw CommandError.of(TpmRc.SYMMETRIC.withSession(number));
            }
            if (audit && loaded.isAudit() && !attributes.has(SessionAttributes.AUDIT_RESET)
                    && attributes.has(SessionAttributes.AUDIT_EXCLUSIVE)
                    && !state.sessions().exclusiveAudit().filter(session.sessionHandle()::equals).isPresent()) {
                throw CommandError.of(TpmRc.EXCLUSIVE);
            }
            if (attributes.has(SessionAttributes.DECRYPT)) {
                decrypting = i;
            }
            if (attributes.has(SessionAttributes.ENCRYPT)) {
                encrypting = i;
            }
            if (audit) {
                auditing = i;
            }
        }
        List<Use> uses = checkAuthorizations(command, sessions, authorized, roles, locality);
        byte[] parameters = command.parameters().toByteArray();
        if (decrypting >= 0) {
            Use use = uses.get(decrypting);
            parameters = crypt(use, use.command().nonce().buffer(), use.session().nonceTpm(), parameters, false);
        }
        return new Area(command, uses, parameters, auditing);
    }

    private List<Use> checkAuthorizations(DecodedCommand command, List<AuthCommand> sessions, List<Handle> authorized,
            List<AuthRole> roles, int locality) throws CommandError {
        DictionaryAttack da = state.dictionaryAttack();
        long clock = state.clock().clock();
        da.recover(clock);
        List<Use> uses = new ArrayList<>(sessions.size());
        Cc code = command.spec().code();
        for (int i = 0; i < sessions.size(); i++) {
            AuthCommand session = sessions.get(i);
            int number = i + 1;
            AuthSession loaded = state.sessions().get(session.sessionHandle()).orElse(null);
            if (i >= authorized.size()) {
                uses.add(new Use(session, loaded, null, null, false));
                continue;
            }
            Handle entity = authorized.get(i);
            AuthRole role = roles.get(i);
            boolean policy = loaded != null && loaded.isPolicy();
            Optional<PolicyState> policyState = policy ? loaded.policy() : Optional.empty();
            boolean includeAuth = policy
                    ? policyState.get().authValueNeeded() || policyState.get().passwordNeeded()
                    : loaded == null || !isBound(loaded, entity);
            boolean lockout = entity.equals(Handle.RH_LOCKOUT);
            boolean exempt = Entities.isDaExempt(state, entity);
            if ((includeAuth || !policy) && (lockout ? da.lockoutAuthLocked() : !exempt && da.inLockout())) {
                throw CommandError.of(TpmRc.LOCKOUT);
            }
            if (policy) {
                if (!policies.isAuthPolicyAvailable(entity, role, code)) {
                    throw CommandError.of(TpmRc.AUTH_UNAVAILABLE);
                }
                try {
                    policies.check(command, entity, role, loaded, names(command), locality);
                } catch (CommandError e) {
                    throw CommandError.of(e.rc().withSession(number));
                }
            } else {
                if (policies.isPolicyRequired(entity, role)) {
                    throw CommandError.of(TpmRc.AUTH_TYPE);
                }
                if (!policies.isAuthValueAvailable(entity, role, code)) {
                    throw CommandError.of(TpmRc.AUTH_UNAVAILABLE);
                }
            }
            if (includeAuth && !exempt) {
                da.use();
            }
            byte[] authValue = AuthValues.trimTrailingZeros(Entities.authValue(state, entity));
            Use use = new Use(session, loaded, entity, authValue, includeAuth);
            boolean valid;
            if (loaded == null || use.passwordInClear()) {
                valid = MessageDigest.isEqual(authValue, AuthValues.trimTrailingZeros(session.hmac().buffer()));
            } else {
                byte[] key = use.key(includeAuth);
                valid = key.length == 0 && session.hmac().isEmpty() || MessageDigest.isEqual(session.hmac().buffer(),
                        Hmac.compute(loaded.hash(), key, ParameterHashes.cpHash(loaded.hash(), code, names(command),
                                command.parameters().toByteArray()), session.nonce().buffer(), loaded.nonceTpm(),
                                new byte[] {(byte) session.sessionAttributes().value()}));
            }
            if (!valid) {
                if (exempt || !includeAuth) {
                    throw CommandError.of(TpmRc.BAD_AUTH.withSession(number));
                }
                if (lockout) {
                    da.lockoutFailed(clock);
                } else {
                    da.failed(clock);
                }
                throw CommandError.of(TpmRc.AUTH_FAIL.withSession(number));
            }
            uses.add(use);
        }
        return uses;
    }

    /** An HMAC session authorizing the entity it is bound to leaves the authValue out of the HMAC key. */
    private boolean isBound(AuthSession session, Handle entity) {
        return !session.bindName().isEmpty() && session.bindName().equals(Entities.name(state, entity));
    }

    private List<Name> names(DecodedCommand command) {
        List<Name> names = new ArrayList<>(command.handles().size());
        for (Handle handle : command.handles()) {
            names.add(Entities.name(state, handle));
        }
        return names;
    }

    /**
     * The response HMAC is keyed with the entity's authValue as the command left it (the reference
     * implementation reads it again): the new one after TPM2_HierarchyChangeAuth, the empty one
     * after TPM2_Clear. Only hierarchies and lockout are read again; other entities keep the value
     * checked, as a command may have flushed them.
     */
    private Use afterCommand(Use use) {
        if (use.entity() == null || use.authValue() == null || !use.entity().type().equals(Ht.PERMANENT)) {
            return use;
        }
        return new Use(use.command(), use.session(), use.entity(),
                AuthValues.trimTrailingZeros(Entities.authValue(state, use.entity())), use.includeAuth());
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
}
