package org.vtpm.tpm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.EkPolicies;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Nonce;

/**
 * Offline policy digests against the values the TCG EK Credential Profile publishes (its PolicyA
 * and PolicyB), and the rules that make PolicyOR and PolicyAuthorize special. The swtpm tests
 * check every assertion against a TPM's trial session.
 */
class TrialPolicyTest {

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA256", "SHA384", "SHA512"})
    void policySecretOnTheEndorsementHierarchyIsTheProfilesPolicyA(HashAlgorithm hash) {
        assertEquals(EkPolicies.policyA(hash),
                TrialPolicy.of(hash).policySecret(Name.of(Handle.RH_ENDORSEMENT), Nonce.EMPTY).digest());
    }

    @ParameterizedTest
    @EnumSource(value = HashAlgorithm.class, names = {"SHA256", "SHA384", "SHA512"})
    void policyOrOfPolicyAAndPolicyCIsTheProfilesPolicyB(HashAlgorithm hash) {
        TrialPolicy policyA = TrialPolicy.of(hash).policySecret(Name.of(Handle.RH_ENDORSEMENT), Nonce.EMPTY);
        assertEquals(EkPolicies.policyB(hash),
                policyA.policyOr(List.of(EkPolicies.policyA(hash), EkPolicies.policyC(hash))).digest());
    }

    @Test
    void policyPasswordAndPolicyAuthValueGiveTheSameDigest() {
        TrialPolicy start = TrialPolicy.of(HashAlgorithm.SHA256).policyCommandCode(Cc.UNSEAL);
        assertEquals(start.policyAuthValue(), start.policyPassword());
    }

    @Test
    void policyAuthorizeForgetsTheApprovedPolicy() {
        Name signer = new Name(HashAlgorithm.SHA256.hash(new byte[] {1}));
        Nonce ref = new Nonce(new byte[] {2});
        TrialPolicy fromScratch = TrialPolicy.of(HashAlgorithm.SHA256).policyAuthorize(signer, ref);
        TrialPolicy afterOthers = TrialPolicy.of(HashAlgorithm.SHA256).policyAuthValue().policyAuthorize(signer, ref);
        assertEquals(fromScratch, afterOthers);
    }

    @Test
    void policyOrTakesTwoToEightBranches() {
        TrialPolicy policy = TrialPolicy.of(HashAlgorithm.SHA256);
        Digest branch = policy.digest();
        assertThrows(IllegalArgumentException.class, () -> policy.policyOr(List.of(branch)));
        assertThrows(IllegalArgumentException.class, () -> policy.policyOr(Collections.nCopies(9, branch)));
    }
}
