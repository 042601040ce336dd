package org.vtpm.tpm.policy;

import java.util.List;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;
import org.vtpm.tpm.wire.TpmWriter;

/** The digests that policy assertions are computed over or that a policy authority signs. */
public final class PolicyHashes {

    private PolicyHashes() {
    }

    /** The pcrDigest of TPM2_PolicyPCR: the hash of the selected PCRs' values, in selection order. */
    public static Digest pcrDigest(HashAlgorithm hash, List<Digest> pcrValues) {
        return new Digest(hash.hash(pcrValues.stream().map(Digest::buffer).toArray(byte[][]::new)));
    }

    /**
     * What the authority signs for TPM2_PolicySigned (Part 3, 23.3):
     * {@code H(nonceTPM || expiration || cpHashA || policyRef)}.
     */
    public static Digest signedAuthorization(HashAlgorithm hash, Nonce nonceTpm, int expiration, Digest cpHashA,
            Nonce policyRef) {
        return new Digest(hash.hash(nonceTpm.buffer(), new TpmWriter(4).writeU32(expiration).toByteArray(),
                cpHashA.buffer(), policyRef.buffer()));
    }

    /**
     * What the policy authority signs to approve a policy for TPM2_PolicyAuthorize (Part 3,
     * 23.16): {@code H(approvedPolicy || policyRef)}, hashed with the signing key's name algorithm.
     */
    public static Digest approvedPolicy(HashAlgorithm hash, Digest approvedPolicy, Nonce policyRef) {
        return new Digest(hash.hash(approvedPolicy.buffer(), policyRef.buffer()));
    }

    /** The nameHash of TPM2_PolicyNameHash: the hash of the handles' names in order. */
    public static Digest nameHash(HashAlgorithm hash, List<Name> names) {
        return new Digest(hash.hash(names.stream().map(Name::buffer).toArray(byte[][]::new)));
    }
}
