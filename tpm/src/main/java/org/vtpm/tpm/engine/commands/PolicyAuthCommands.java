package org.vtpm.tpm.engine.commands;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Optional;

import org.vtpm.tpm.command.PolicyAuthorize;
import org.vtpm.tpm.command.PolicyAuthorizeResponse;
import org.vtpm.tpm.command.PolicySecret;
import org.vtpm.tpm.command.PolicySecretResponse;
import org.vtpm.tpm.command.PolicySigned;
import org.vtpm.tpm.command.PolicySignedResponse;
import org.vtpm.tpm.command.PolicyTicket;
import org.vtpm.tpm.command.PolicyTicketResponse;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.Signatures;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.PolicyState;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.NvAttributes;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Signature;
import org.vtpm.tpm.types.SignatureEcc;
import org.vtpm.tpm.types.SignatureRsa;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Timeout;
import org.vtpm.tpm.types.TkAuth;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The policy assertions that rest on another entity's say-so (Part 3, clause 23): a signature
 * (PolicySigned), an authorization (PolicySecret), a ticket of either (PolicyTicket), and a policy
 * a key approved (PolicyAuthorize, with a TPM_ST_VERIFIED ticket). A trial session skips every
 * check.
 */
public final class PolicyAuthCommands {

    private static final long MILLIS_PER_SECOND = 1000;
    private static final int TIMEOUT_SIZE = 8;

    private final EngineState state;

    public PolicyAuthCommands(EngineState state) {
        this.state = state;
    }

    /** The signature must be over {@code H(nonceTPM || expiration || cpHashA || policyRef)} with the scheme's hash. */
    public PolicySignedResponse policySigned(PolicySigned command, Request request) throws CommandError {
        AuthSession session = session(command.policySession());
        PolicyState policy = session.policy().orElseThrow();
        LoadedKey key = state.objects().get(command.authObject()).orElseThrow() instanceof LoadedKey k ? k : null;
        if (key == null) {
            throw CommandError.of(TpmRc.HANDLE.withHandle(1));
        }
        long authTimeout = 0;
        if (!policy.isTrial()) {
            authTimeout = authTimeout(policy, command.expiration(), command.nonceTPM());
            checkParameters(session, authTimeout, command.cpHashA(), command.nonceTPM(), 1, 2, 4);
            verify(key, command);
        }
        updateContext(policy, Cc.POLICY_SIGNED, key.name(), command.policyRef(), command.cpHashA(), authTimeout);
        if (command.expiration() < 0 && !policy.isTrial()) {
            return new PolicySignedResponse(timeout(authTimeout), Tickets.auth(state.hierarchies(), St.AUTH_SIGNED,
                    key.hierarchy(), authTimeout, state.sessions().epoch(), command.cpHashA().buffer(),
                    command.policyRef().buffer(), key.name()));
        }
        return new PolicySignedResponse(Timeout.EMPTY, nullTicket(St.AUTH_SIGNED));
    }

    /** The dispatcher has checked the authorization of {@code authHandle}; this binds the policy to it. */
    public PolicySecretResponse policySecret(PolicySecret command, Request request) throws CommandError {
        AuthSession session = session(command.policySession());
        PolicyState policy = session.policy().orElseThrow();
        Name name = Entities.name(state, command.authHandle());
        long authTimeout = 0;
        if (!policy.isTrial()) {
            authTimeout = authTimeout(policy, command.expiration(), command.nonceTPM());
            checkParameters(session, authTimeout, command.cpHashA(), command.nonceTPM(), 1, 2, 4);
        }
        updateContext(policy, Cc.POLICY_SECRET, name, command.policyRef(), command.cpHashA(), authTimeout);
        if (command.expiration() < 0 && !policy.isTrial()) {
            return new PolicySecretResponse(timeout(authTimeout), Tickets.auth(state.hierarchies(), St.AUTH_SECRET,
                    hierarchyOf(command.authHandle()), authTimeout, state.sessions().epoch(),
                    command.cpHashA().buffer(), command.policyRef().buffer(), name));
        }
        return new PolicySecretResponse(Timeout.EMPTY, nullTicket(St.AUTH_SECRET));
    }

    /** Stands in for the PolicySigned or PolicySecret that issued the ticket, with the same timeout. */
    public PolicyTicketResponse policyTicket(PolicyTicket command, Request request) throws CommandError {
        AuthSession session = session(command.policySession());
        PolicyState policy = session.policy().orElseThrow();
        if (policy.isTrial()) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        if (command.timeout().size() != TIMEOUT_SIZE) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        long authTimeout = ByteBuffer.wrap(command.timeout().buffer()).getLong();
        checkParameters(session, authTimeout, command.cpHashA(), Nonce.EMPTY, 0, 2, 1);
        TkAuth ticket = command.ticket();
        if (!state.hierarchies().isEnabled(ticket.hierarchy()) || !MessageDigest.isEqual(ticket.digest().buffer(),
                Tickets.auth(state.hierarchies(), ticket.tag(), ticket.hierarchy(), authTimeout,
                        state.sessions().epoch(), command.cpHashA().buffer(), command.policyRef().buffer(),
                        command.authName()).digest().buffer())) {
            throw CommandError.of(TpmRc.TICKET.withParameter(5));
        }
        Cc code = ticket.tag().equals(St.AUTH_SIGNED) ? Cc.POLICY_SIGNED : Cc.POLICY_SECRET;
        updateContext(policy, code, command.authName(), command.policyRef(), command.cpHashA(), authTimeout);
        return new PolicyTicketResponse();
    }

    /**
     * Replaces the digest with one that depends only on the authority's key and policyRef, once
     * the current digest is a policy that key approved (its signature verified into the ticket).
     */
    public PolicyAuthorizeResponse policyAuthorize(PolicyAuthorize command, Request request) throws CommandError {
        AuthSession session = session(command.policySession());
        PolicyState policy = session.policy().orElseThrow();
        if (!policy.isTrial()) {
            byte[] keySign = command.keySign().buffer();
            if (keySign.length < 2) {
                throw CommandError.of(TpmRc.SIZE.withParameter(3));
            }
            HashAlgorithm nameAlg = Algorithms.hash(new AlgId((keySign[0] & 0xFF) << 8 | keySign[1] & 0xFF))
                    .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(3)));
            if (keySign.length != 2 + nameAlg.digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(3));
            }
            if (!MessageDigest.isEqual(policy.digest(), command.approvedPolicy().buffer())) {
                throw CommandError.of(TpmRc.VALUE.withParameter(1));
            }
            byte[] aHash = nameAlg.hash(command.approvedPolicy().buffer(), command.policyRef().buffer());
            Handle hierarchy = command.checkTicket().hierarchy();
            if (hierarchy.equals(Handle.RH_NULL) || !state.hierarchies().isEnabled(hierarchy)
                    || !MessageDigest.isEqual(command.checkTicket().digest().buffer(), Tickets.verified(
                            state.hierarchies(), hierarchy, aHash, command.keySign()).digest().buffer())) {
                throw CommandError.of(TpmRc.VALUE.withParameter(4));
            }
        }
        policy.clearDigest();
        policy.update(Cc.POLICY_AUTHORIZE, command.keySign().buffer());
        policy.updateRef(command.policyRef().buffer());
        return new PolicyAuthorizeResponse();
    }

    private AuthSession session(Handle handle) {
        return state.sessions().get(handle).orElseThrow();
    }

    /**
     * Part 3, 23.2.5: with nonceTPM the expiration counts from the session's start; without, it is
     * an absolute TPM time in seconds (the current milliseconds added, so it does not end early).
     */
    private long authTimeout(PolicyState policy, int expiration, Nonce nonceTpm) {
        if (expiration == 0) {
            return 0;
        }
        long seconds = Math.abs((long) expiration);
        long time = state.clock().time();
        return nonceTpm.isEmpty() ? seconds * MILLIS_PER_SECOND + time % MILLIS_PER_SECOND
                : policy.startTime() + seconds * MILLIS_PER_SECOND;
    }

    /** PolicyParameterChecks: the nonce is this session's, the timeout is in the future, the cpHash fits. */
    private void checkParameters(AuthSession session, long authTimeout, Digest cpHashA, Nonce nonceTpm,
            int nonceParameter, int cpHashParameter, int expirationParameter) throws CommandError {
        PolicyState policy = session.policy().orElseThrow();
        if (!nonceTpm.isEmpty() && !MessageDigest.isEqual(nonceTpm.buffer(), session.nonceTpm())) {
            throw CommandError.of(TpmRc.NONCE.withParameter(nonceParameter));
        }
        if (authTimeout != 0 && authTimeout < state.clock().time()) {
            throw CommandError.of(TpmRc.EXPIRED.withParameter(expirationParameter));
        }
        if (!cpHashA.isEmpty()) {
            if (cpHashA.size() != session.hash().digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(cpHashParameter));
            }
            if (policy.binding() != PolicyState.Binding.NONE && (policy.binding() != PolicyState.Binding.CP_HASH
                    || !MessageDigest.isEqual(policy.bindingDigest(), cpHashA.buffer()))) {
                throw CommandError.of(TpmRc.CPHASH);
            }
        }
    }

    /** PolicyContextUpdate: digest, policyRef, cpHash and the earliest timeout. */
    private static void updateContext(PolicyState policy, Cc code, Name name, Nonce policyRef, Digest cpHashA,
            long authTimeout) {
        policy.update(code, name.buffer());
        policy.updateRef(policyRef.buffer());
        if (!cpHashA.isEmpty()) {
            policy.bind(PolicyState.Binding.CP_HASH, cpHashA.buffer());
        }
        if (authTimeout != 0) {
            policy.limitTimeout(authTimeout);
        }
    }

    private static void verify(LoadedKey key, PolicySigned command) throws CommandError {
        if (!key.has(ObjectAttributes.SIGN_ENCRYPT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        Signature signature = command.auth();
        AlgId hashAlg = signature.signature() instanceof SignatureRsa rsa ? rsa.hash()
                : signature.signature() instanceof SignatureEcc ecc ? ecc.hash() : null;
        Optional<HashAlgorithm> hash = hashAlg == null ? Optional.empty() : Algorithms.hash(hashAlg);
        if (hash.isEmpty() || key.publicKey().isEmpty()) {
            throw CommandError.of(TpmRc.SCHEME.withParameter(5));
        }
        byte[] aHash = hash.get().hash(command.nonceTPM().buffer(),
                new TpmWriter(4).writeU32(command.expiration()).toByteArray(), command.cpHashA().buffer(),
                command.policyRef().buffer());
        if (!Signatures.verify(key.publicKey().get(), aHash, signature)) {
            throw CommandError.of(TpmRc.SIGNATURE.withParameter(5));
        }
    }

    /** The hierarchy whose proof keys a PolicySecret ticket for this entity. */
    private Handle hierarchyOf(Handle entity) {
        Ht type = entity.type();
        if (type.equals(Ht.TRANSIENT) || type.equals(Ht.PERSISTENT)) {
            return state.objects().get(entity).orElseThrow() instanceof LoadedKey key ? key.hierarchy()
                    : Handle.RH_NULL;
        }
        if (type.equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().has(NvAttributes.PLATFORMCREATE) ? Handle.RH_PLATFORM
                    : Handle.RH_OWNER;
        }
        if (entity.equals(Handle.RH_PLATFORM) || entity.equals(Handle.RH_ENDORSEMENT)) {
            return entity;
        }
        return Handle.RH_OWNER;
    }

    private static Timeout timeout(long authTimeout) {
        return new Timeout(new TpmWriter(TIMEOUT_SIZE).writeU64(authTimeout).toByteArray());
    }

    private static TkAuth nullTicket(St tag) {
        return new TkAuth(tag, Handle.RH_NULL, Digest.EMPTY);
    }
}
