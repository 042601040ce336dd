package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.LocalityAttributes;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyLocality: limits a policy to commands arriving at the given localities. */
public record PolicyLocality(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        LocalityAttributes locality) implements TpmCommand<PolicyLocalityResponse> {
}
