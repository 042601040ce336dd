package org.vtpm.tpm.engine;

import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import org.vtpm.tpm.command.AuthRole;
import org.vtpm.tpm.command.DecodedCommand;
import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.commands.CommandError;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.engine.state.PcrAuthorizations;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.policy.PolicyHashes;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;

/**
 * Which kinds of authorization an entity allows for a role (Part 1, 19.7.x: userWithAuth,
 * adminWithPolicy, the NV AUTH and POLICY bits, a hierarchy's policy), and the checks a policy
 * session must pass to authorize a command (the role of the reference implementation's
 * CheckPolicyAuthSession): its digest is the entity's authPolicy, and every condition its
 * assertions deferred holds now.
 */
final class PolicyAuthorization {

    /** The NV commands that write an index, for which the AUTHWRITE and POLICYWRITE bits apply. */
    private static final Set<Integer> NV_WRITES = Set.of(Cc.NV_WRITE.value(), Cc.NV_INCREMENT.value(),
            Cc.NV_SET_BITS.value(), Cc.NV_EXTEND.value(), Cc.NV_WRITE_LOCK.value());

    private final EngineState state;

    PolicyAuthorization(EngineState state) {
        this.state = state;
    }

    /**
     * The DUP role, the ADMIN role of anything but an object without adminWithPolicy, and a PCR
     * whose group has a policy need a policy.
     */
    boolean isPolicyRequired(Handle entity, AuthRole role) {
        if (role == AuthRole.DUP || entity.type().equals(Ht.PCR) && hasPcrPolicy(entity)) {
            return true;
        }
        if (role == AuthRole.ADMIN) {
            return !isObject(entity) || !(object(entity) instanceof LoadedKey key)
                    || key.has(ObjectAttributes.ADMIN_WITH_POLICY);
        }
        return false;
    }

    /** Whether a password or HMAC session may prove the entity's authValue for this command. */
    boolean isAuthValueAvailable(Handle entity, AuthRole role, Cc code) {
        Ht type = entity.type();
        if (isObject(entity)) {
            if (!(object(entity) instanceof LoadedKey key)) {
                return true;
            }
            return key.sensitive().isPresent() && (key.has(ObjectAttributes.USER_WITH_AUTH)
                    || role == AuthRole.ADMIN && !key.has(ObjectAttributes.ADMIN_WITH_POLICY));
        }
        if (type.equals(Ht.NV_INDEX)) {
            return index(entity).has(NV_WRITES.contains(code.value()) ? NvAttributes.AUTHWRITE
                    : NvAttributes.AUTHREAD);
        }
        return true;
    }

    /** Whether the entity has a policy a policy session may satisfy for this command. */
    boolean isAuthPolicyAvailable(Handle entity, AuthRole role, Cc code) {
        Ht type = entity.type();
        if (isObject(entity)) {
            return object(entity) instanceof LoadedKey key && key.sensitive().isPresent();
        }
        if (type.equals(Ht.NV_INDEX)) {
            NvIndex index = index(entity);
            return !index.publicArea().authPolicy().isEmpty() && (isPolicyRequired(entity, role)
                    || index.has(NV_WRITES.contains(code.value()) ? NvAttributes.POLICYWRITE
                            : NvAttributes.POLICYREAD));
        }
        if (type.equals(Ht.PERMANENT) && !entity.equals(Handle.RH_NULL)) {
            return state.hierarchies().policy(entity).length != 0;
        }
        if (type.equals(Ht.PCR)) {
            return PcrAuthorizations.inGroup(entity.value());
        }
        return false;
    }

    /**
     * The deferred checks of a policy session authorizing {@code entity}, in the reference
     * implementation's order; the caller adds the session number to format-1 codes.
     *
     * @param locality the locality the command arrived at
     */
    void check(DecodedCommand command, Handle entity, AuthRole role, AuthSession session, List<Name> names,
            int locality) throws CommandError {
        PolicyState policy = session.policy().orElseThrow();
        Cc code = command.spec().code();
        if (code.equals(Cc.POLICY_SECRET) && !policy.authValueNeeded() && !policy.passwordNeeded()) {
            throw CommandError.of(TpmRc.MODE);
        }
        if (policy.pcrCounter().filter(c -> c != state.pcrs().updateCounter()).isPresent()) {
            throw CommandError.of(TpmRc.PCR_CHANGED);
        }
        if (!MessageDigest.isEqual(policy.digest(), authPolicy(entity))
                || authPolicyAlg(entity) != session.hash().algId()) {
            throw CommandError.of(TpmRc.POLICY_FAIL);
        }
        if (policy.expired(state.clock().time(), state.sessions().epoch())) {
            throw CommandError.of(TpmRc.EXPIRED);
        }
        if (policy.commandCode() != 0) {
            if (policy.commandCode() != code.value()) {
                throw CommandError.of(TpmRc.POLICY_CC);
            }
        } else if (role == AuthRole.ADMIN || role == AuthRole.DUP) {
            throw CommandError.of(TpmRc.POLICY_FAIL);
        }
        if (policy.locality() != 0 && !allowsLocality(policy.locality(), locality)) {
            throw CommandError.of(TpmRc.LOCALITY);
        }
        // A vTPM's platform has no physical-presence signal to assert, so such a policy never holds here.
        if (policy.physicalPresenceRequired()) {
            throw CommandError.of(TpmRc.PP);
        }
        if (!bindingHolds(command, session.hash(), policy, names)) {
            throw CommandError.of(TpmRc.POLICY_FAIL);
        }
        if (policy.nvWritten().isPresent() && (!entity.type().equals(Ht.NV_INDEX)
                || index(entity).has(NvAttributes.WRITTEN) != policy.nvWritten().get())) {
            throw CommandError.of(TpmRc.POLICY_FAIL);
        }
    }

    /** TPMA_LOCALITY below 32 is a set of localities 0..4, from 32 on one extended locality. */
    private static boolean allowsLocality(int allowed, int locality) {
        return allowed < 32 ? (allowed & 1 << locality) != 0 : allowed == locality;
    }

    private boolean bindingHolds(DecodedCommand command, HashAlgorithm hash, PolicyState policy, List<Name> names) {
        byte[] expected = policy.bindingDigest();
        byte[] parameters = command.parameters().toByteArray();
        return switch (policy.binding()) {
            case NONE -> true;
            case CP_HASH -> MessageDigest.isEqual(expected,
                    ParameterHashes.cpHash(hash, command.spec().code(), names, parameters));
            case NAME_HASH -> MessageDigest.isEqual(expected, PolicyHashes.nameHash(hash, names).buffer());
            case TEMPLATE_HASH -> templateHashHolds(command.spec().code(), hash, expected, parameters);
        };
    }

    /** The template is the second parameter of Create, CreatePrimary and CreateLoaded, after the sensitive area. */
    private static boolean templateHashHolds(Cc code, HashAlgorithm hash, byte[] expected, byte[] parameters) {
        if (!code.equals(Cc.CREATE) && !code.equals(Cc.CREATE_PRIMARY) && !code.equals(Cc.CREATE_LOADED)) {
            return false;
        }
        try {
            TpmReader in = new TpmReader(parameters);
            in.readBytes(in.readU16());
            byte[] template = in.readBytes(in.readU16());
            return MessageDigest.isEqual(expected, hash.hash(template));
        } catch (TpmFormatException e) {
            return false;
        }
    }

    private byte[] authPolicy(Handle entity) {
        if (isObject(entity)) {
            return ((LoadedKey) object(entity)).publicValue().authPolicy().buffer();
        }
        if (entity.type().equals(Ht.NV_INDEX)) {
            return index(entity).publicArea().authPolicy().buffer();
        }
        if (entity.type().equals(Ht.PCR)) {
            return state.pcrAuthorizations().policy(entity.value());
        }
        return state.hierarchies().policy(entity);
    }

    private int authPolicyAlg(Handle entity) {
        if (isObject(entity)) {
            return ((LoadedKey) object(entity)).publicValue().nameAlg().value();
        }
        if (entity.type().equals(Ht.NV_INDEX)) {
            return index(entity).publicArea().nameAlg().value();
        }
        int alg = entity.type().equals(Ht.PCR) ? state.pcrAuthorizations().policyAlg(entity.value())
                : state.hierarchies().policyAlg(entity);
        return alg == AlgId.NULL.value() ? -1 : alg;
    }

    private boolean hasPcrPolicy(Handle pcr) {
        return state.pcrAuthorizations().policyAlg(pcr.value()) != AlgId.NULL.value();
    }

    private static boolean isObject(Handle entity) {
        return entity.type().equals(Ht.TRANSIENT) || entity.type().equals(Ht.PERSISTENT);
    }

    private TransientObject object(Handle entity) {
        return state.objects().get(entity).orElseThrow();
    }

    private NvIndex index(Handle entity) {
        return state.nv().get(entity).orElseThrow();
    }
}
