package org.vtpm.tpm.engine;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.command.AuthRole;
import org.vtpm.tpm.command.DecodedCommand;
import org.vtpm.tpm.engine.commands.AuthValues;
import org.vtpm.tpm.engine.commands.CommandError;
import org.vtpm.tpm.engine.state.DictionaryAttack;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SessionAttributes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The authorization area, run once for every command before its function (the role of the
 * reference implementation's SessionProcess.c): each handle that needs authorization is matched
 * with the session at the same position, sessions are checked for being usable at all, then each
 * authorization is checked.
 */
final class Authorizations {

    private static final SessionAttributes PASSWORD_FORBIDDEN = SessionAttributes.of(SessionAttributes.AUDIT,
            SessionAttributes.AUDIT_EXCLUSIVE, SessionAttributes.AUDIT_RESET, SessionAttributes.DECRYPT,
            SessionAttributes.ENCRYPT);
    private static final AuthResponse PASSWORD_ACK = new AuthResponse(Nonce.EMPTY,
            SessionAttributes.CONTINUE_SESSION, Auth.EMPTY);

    private final EngineState state;

    Authorizations(EngineState state) {
        this.state = state;
    }

    /**
     * Checks every session of {@code command}.
     *
     * @return the response's authorization area, one entry per session
     */
    List<AuthResponse> authorize(DecodedCommand command) throws CommandError {
        List<AuthCommand> sessions = command.authorizations();
        List<Handle> authorized = authorizedHandles(command);
        List<AuthRole> roles = command.spec().authRoles().stream().filter(r -> r != AuthRole.NONE).toList();
        for (int i = 0; i < sessions.size(); i++) {
            AuthCommand session = sessions.get(i);
            int number = i + 1;
            if (!session.sessionHandle().equals(Handle.RS_PW)) {
                throw CommandError.of(new TpmRc(TpmRc.REFERENCE_S0.value() + i));
            }
            if (i >= authorized.size()) {
                throw CommandError.of(TpmRc.HANDLE.withSession(number));
            }
            if (!session.nonce().isEmpty()) {
                throw CommandError.of(TpmRc.NONCE.withSession(number));
            }
            if ((session.sessionAttributes().value() & PASSWORD_FORBIDDEN.value()) != 0) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withSession(number));
            }
        }
        DictionaryAttack da = state.dictionaryAttack();
        long clock = state.clock().clock();
        da.recover(clock);
        List<AuthResponse> responses = new ArrayList<>(sessions.size());
        for (int i = 0; i < sessions.size(); i++) {
            Handle entity = authorized.get(i);
            boolean lockout = entity.equals(Handle.RH_LOCKOUT);
            boolean exempt = isDaExempt(entity);
            if (lockout ? da.lockoutAuthLocked() : !exempt && da.inLockout()) {
                throw CommandError.of(TpmRc.LOCKOUT);
            }
            if (needsPolicy(entity, roles.get(i))) {
                throw CommandError.of(TpmRc.AUTH_UNAVAILABLE);
            }
            if (!exempt) {
                da.use();
            }
            byte[] expected = AuthValues.trimTrailingZeros(authValue(entity));
            byte[] given = AuthValues.trimTrailingZeros(sessions.get(i).hmac().buffer());
            if (!MessageDigest.isEqual(expected, given)) {
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
            responses.add(PASSWORD_ACK);
        }
        return responses;
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

    private static List<Handle> authorizedHandles(DecodedCommand command) {
        List<AuthRole> roles = command.spec().authRoles();
        List<Handle> handles = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i) != AuthRole.NONE) {
                handles.add(command.handles().get(i));
            }
        }
        return handles;
    }

    /** The authValue of an entity the load-status check found present. */
    private byte[] authValue(Handle entity) {
        if (entity.type().equals(Ht.PCR)) {
            return new byte[0];
        }
        if (entity.type().equals(Ht.TRANSIENT) || entity.type().equals(Ht.PERSISTENT)) {
            return state.objects().get(entity).map(TransientObject::authValue).orElseThrow();
        }
        if (entity.type().equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().authValue();
        }
        return state.hierarchies().authValue(entity);
    }

    /**
     * Whether a failed authorization of {@code entity} leaves the dictionary-attack counter alone:
     * PCRs, every permanent handle but TPM_RH_LOCKOUT, and objects and NV indices with noDA are exempt
     * (Part 1, 19.8.6).
     */
    private boolean isDaExempt(Handle entity) {
        if (entity.type().equals(Ht.TRANSIENT) || entity.type().equals(Ht.PERSISTENT)) {
            return state.objects().get(entity).map(TransientObject::isDaExempt).orElseThrow();
        }
        if (entity.type().equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().has(NvAttributes.NO_DA);
        }
        return !entity.equals(Handle.RH_LOCKOUT);
    }

}
