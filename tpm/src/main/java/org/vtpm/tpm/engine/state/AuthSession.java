package org.vtpm.tpm.engine.state;

import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.SymDef;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * An authorization session (Part 1, 19.6 and 19.7): its type (HMAC, policy or trial), hash,
 * parameter-encryption algorithm, session key, the TPM's current nonce, the name of the entity an
 * HMAC session is bound to (empty when unbound), a policy session's {@link PolicyState}, and an
 * HMAC session's audit digest once it has been used for audit.
 */
public final class AuthSession {

    private static final int MAX_SYM_DEF = 16;

    private final Se type;
    private final HashAlgorithm hash;
    private final SymDef symmetric;
    private final byte[] sessionKey;
    private final Name bindName;
    private final PolicyState policy;
    private byte[] nonceTpm;
    private byte[] auditDigest;

    /** An HMAC session. */
    public AuthSession(HashAlgorithm hash, SymDef symmetric, byte[] sessionKey, Name bindName, byte[] nonceTpm) {
        this(Se.HMAC, hash, symmetric, sessionKey, bindName, nonceTpm, null);
    }

    /** A policy or trial session with its initial policy state. */
    public AuthSession(HashAlgorithm hash, SymDef symmetric, byte[] sessionKey, byte[] nonceTpm, PolicyState policy) {
        this(policy.isTrial() ? Se.TRIAL : Se.POLICY, hash, symmetric, sessionKey, Name.EMPTY, nonceTpm, policy);
    }

    private AuthSession(Se type, HashAlgorithm hash, SymDef symmetric, byte[] sessionKey, Name bindName,
            byte[] nonceTpm, PolicyState policy) {
        this.type = type;
        this.hash = hash;
        this.symmetric = symmetric;
        this.sessionKey = sessionKey.clone();
        this.bindName = bindName;
        this.nonceTpm = nonceTpm.clone();
        this.policy = policy;
    }

    public Se type() {
        return type;
    }

    public boolean isPolicy() {
        return policy != null;
    }

    /** The policy state of a policy or trial session. */
    public Optional<PolicyState> policy() {
        return Optional.ofNullable(policy);
    }

    public HashAlgorithm hash() {
        return hash;
    }

    public SymDef symmetric() {
        return symmetric;
    }

    public byte[] sessionKey() {
        return sessionKey.clone();
    }

    /**
     * The bind entity's name. An audit session is never bound (Part 1, 19.6.5), so that its
     * digest does not depend on which authValue the caller knows.
     */
    public Name bindName() {
        return auditDigest != null ? Name.EMPTY : bindName;
    }

    public byte[] nonceTpm() {
        return nonceTpm.clone();
    }

    /** The TPM's nonce rolls with every response that uses the session. */
    public void nonceTpm(byte[] nonce) {
        nonceTpm = nonce.clone();
    }

    public boolean isAudit() {
        return auditDigest != null;
    }

    /** The session audit digest, all zero until the first audited command; empty if never audited. */
    public byte[] auditDigest() {
        return auditDigest == null ? new byte[0] : auditDigest.clone();
    }

    /** First use for audit, or auditReset: the digest starts over from zero. */
    public void startAudit() {
        auditDigest = new byte[hash.digestSize()];
    }

    /** {@code auditDigest := H(auditDigest || cpHash || rpHash)} (Part 1, 19.6.16). */
    public void extendAudit(byte[] cpHash, byte[] rpHash) {
        auditDigest = hash.hash(auditDigest, cpHash, rpHash);
    }

    /**
     * The version-1 fields (an HMAC session's), then the type, the policy state and the audit
     * digest, then a policy session's version-3 conditions. An encoding that ends after the
     * version-1 fields is a version-1 HMAC session.
     */
    void write(TpmWriter out) {
        out.writeU16(hash.algId());
        StateFields.writeBytes(out, Codecs.marshal(symmetric));
        StateFields.writeBytes(out, sessionKey);
        StateFields.writeBytes(out, bindName.buffer());
        StateFields.writeBytes(out, nonceTpm);
        out.writeU8(type.value());
        if (policy != null) {
            policy.write(out);
        }
        StateFields.writeBoolean(out, auditDigest != null);
        if (auditDigest != null) {
            StateFields.writeBytes(out, auditDigest);
        }
        if (policy != null) {
            policy.writeVersion3(out);
        }
    }

    /** Which encoding {@link #read} expects. */
    enum Layout {
        VERSION_1,
        VERSION_2,
        VERSION_3,
        /**
         * For a context blob, which holds one session: version 2 or 3 if anything follows the
         * version-1 fields, version 3 if anything follows a policy session's audit state.
         */
        BY_LENGTH
    }

    static AuthSession read(TpmReader in, Layout layout) throws TpmFormatException {
        int alg = in.readU16();
        HashAlgorithm hash = PcrBanks.bank(alg)
                .orElseThrow(() -> new TpmFormatException(TpmRc.HASH, "session hash 0x" + Integer.toHexString(alg)));
        // TPMT_SYM_DEF+ as StartAuthSession takes it: a session without parameter encryption has TPM_ALG_NULL.
        TpmReader symmetricBytes = new TpmReader(StateFields.readBytes(in, MAX_SYM_DEF));
        SymDef symmetric = Codecs.of(SymDef.class).read(symmetricBytes, true);
        symmetricBytes.requireEnd();
        byte[] sessionKey = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        Name bindName = new Name(StateFields.readBytes(in, TpmLimits.SIZEOF_TPMT_HA));
        byte[] nonce = StateFields.readBytes(in, TpmLimits.MAX_DIGEST_SIZE);
        if (layout == Layout.VERSION_1 || layout == Layout.BY_LENGTH && in.remaining() == 0) {
            return new AuthSession(hash, symmetric, sessionKey, bindName, nonce);
        }
        Se type = new Se(in.readU8());
        PolicyState policy = null;
        if (type.equals(Se.POLICY) || type.equals(Se.TRIAL)) {
            policy = PolicyState.read(in, hash);
            if (policy.isTrial() != type.equals(Se.TRIAL)) {
                throw new TpmFormatException(TpmRc.VALUE, "trial flag of a " + type + " session");
            }
        } else if (!type.equals(Se.HMAC)) {
            throw new TpmFormatException(TpmRc.VALUE, "session type " + type);
        }
        AuthSession session = new AuthSession(type, hash, symmetric, sessionKey, bindName, nonce, policy);
        if (StateFields.readBoolean(in)) {
            if (policy != null) {
                throw new TpmFormatException(TpmRc.VALUE, "an audited policy session");
            }
            session.auditDigest = StateFields.readBytesExactly(in, hash.digestSize());
        }
        if (policy != null && (layout == Layout.VERSION_3 || layout == Layout.BY_LENGTH && in.remaining() > 0)) {
            policy.readVersion3(in);
        }
        return session;
    }
}
