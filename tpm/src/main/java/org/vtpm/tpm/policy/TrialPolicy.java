package org.vtpm.tpm.policy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.types.Operand;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * A policy digest computed offline: each method returns the digest after one more policy
 * assertion, as TPM2_PolicyGetDigest of a trial session would report it (Part 3, 23). An
 * immutable value; start from {@link #of} and chain.
 */
public final class TrialPolicy {

    private final HashAlgorithm hash;
    private final byte[] digest;

    private TrialPolicy(HashAlgorithm hash, byte[] digest) {
        this.hash = hash;
        this.digest = digest;
    }

    /** The initial policy digest: all zero, of the hash's size. */
    public static TrialPolicy of(HashAlgorithm hash) {
        return new TrialPolicy(Objects.requireNonNull(hash, "hash"), new byte[hash.digestSize()]);
    }

    public HashAlgorithm hash() {
        return hash;
    }

    /** The policyDigest so far, as a TPM2B_DIGEST for an authPolicy. */
    public Digest digest() {
        return new Digest(digest.clone());
    }

    /** TPM2_PolicyPCR with the digest of the selected PCRs' values ({@link PolicyHashes#pcrDigest}). */
    public TrialPolicy policyPcr(PcrSelectionList pcrs, Digest pcrDigest) {
        return extend(Cc.POLICY_PCR, Codecs.marshal(pcrs), pcrDigest.buffer());
    }

    /** TPM2_PolicySecret for the entity named {@code authName}. */
    public TrialPolicy policySecret(Name authName, Nonce policyRef) {
        return extend(Cc.POLICY_SECRET, authName.buffer()).extendRef(policyRef);
    }

    /** TPM2_PolicySigned by the key named {@code keyName}. */
    public TrialPolicy policySigned(Name keyName, Nonce policyRef) {
        return extend(Cc.POLICY_SIGNED, keyName.buffer()).extendRef(policyRef);
    }

    public TrialPolicy policyAuthValue() {
        return extend(Cc.POLICY_AUTH_VALUE);
    }

    /**
     * TPM2_PolicyPassword. It extends the digest with TPM_CC_PolicyAuthValue, so that a policy
     * holds whether the authValue is proven by HMAC or in clear (Part 3, 23.18).
     */
    public TrialPolicy policyPassword() {
        return extend(Cc.POLICY_AUTH_VALUE);
    }

    public TrialPolicy policyCommandCode(Cc code) {
        return extend(Cc.POLICY_COMMAND_CODE, new TpmWriter(4).writeU32(code.value()).toByteArray());
    }

    /**
     * TPM2_PolicyOR of {@code branches}, one of which must be this policy's current digest for a
     * TPM to accept it; the result replaces the digest.
     */
    public TrialPolicy policyOr(List<Digest> branches) {
        if (branches.size() < 2 || branches.size() > 8) {
            throw new IllegalArgumentException("PolicyOR takes 2 to 8 branches, not " + branches.size());
        }
        // Only the digests' contents are hashed, not the list's count or their sizes.
        byte[][] contents = branches.stream().map(Digest::buffer).toArray(byte[][]::new);
        return new TrialPolicy(hash, new byte[hash.digestSize()]).extend(Cc.POLICY_OR, contents);
    }

    /** TPM2_PolicyNV: the index named {@code nvName} compared with {@code operandB}. */
    public TrialPolicy policyNv(Name nvName, Operand operandB, int offset, Eo operation) {
        byte[] args = hash.hash(operandB.buffer(),
                new TpmWriter(4).writeU16(offset).writeU16(operation.value()).toByteArray());
        return extend(Cc.POLICY_NV, args, nvName.buffer());
    }

    public TrialPolicy policyCpHash(Digest cpHashA) {
        return extend(Cc.POLICY_CP_HASH, cpHashA.buffer());
    }

    public TrialPolicy policyNameHash(Digest nameHash) {
        return extend(Cc.POLICY_NAME_HASH, nameHash.buffer());
    }

    /**
     * TPM2_PolicyAuthorize by the key named {@code keySign}: the digest restarts from zero, so the
     * result depends only on the signer and {@code policyRef}, not on the policy it approved.
     */
    public TrialPolicy policyAuthorize(Name keySign, Nonce policyRef) {
        return new TrialPolicy(hash, new byte[hash.digestSize()]).extend(Cc.POLICY_AUTHORIZE, keySign.buffer())
                .extendRef(policyRef);
    }

    /** {@code policyDigest := H(policyDigest || commandCode || parts...)}. */
    private TrialPolicy extend(Cc code, byte[]... parts) {
        org.bouncycastle.crypto.Digest d = hash.newDigest();
        d.update(digest, 0, digest.length);
        byte[] cc = new TpmWriter(4).writeU32(code.value()).toByteArray();
        d.update(cc, 0, cc.length);
        for (byte[] part : parts) {
            d.update(part, 0, part.length);
        }
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return new TrialPolicy(hash, out);
    }

    /** The second half of PolicyUpdate (Part 3, 23.2.3): {@code policyDigest := H(policyDigest || policyRef)}. */
    private TrialPolicy extendRef(Nonce policyRef) {
        return new TrialPolicy(hash, hash.hash(digest, policyRef.buffer()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialPolicy other && hash == other.hash && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return 31 * hash.hashCode() + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "TrialPolicy[" + hash.tpmName() + ", " + HexFormat.of().formatHex(digest) + "]";
    }
}
