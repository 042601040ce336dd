/**
 * Policy digests computed offline (Part 3, 23): {@link org.vtpm.tpm.policy.TrialPolicy} extends a
 * policyDigest exactly as a TPM's trial session would, so an authPolicy can be set on an object or
 * NV index without a TPM, and {@link org.vtpm.tpm.policy.PolicyHashes} gives the digests a policy
 * signer approves or signs.
 */
package org.vtpm.tpm.policy;
