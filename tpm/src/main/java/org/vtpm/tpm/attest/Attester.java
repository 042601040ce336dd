package org.vtpm.tpm.attest;

import java.util.Objects;
import java.util.Optional;

/**
 * What the verifier knows of one TPM before it sees evidence: who it is, its certified
 * attestation key, its policy and the baseline stored for it.
 *
 * @param subject the TPM's identity (a vTPM or host id): challenges are issued to it
 * @param baseline the baseline learned earlier, if the policy learns one and it was stored
 */
public record Attester(String subject, AttestationKey ak, AttestationPolicy policy, Optional<Baseline> baseline) {

    public Attester {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(ak, "ak");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(baseline, "baseline");
    }
}
