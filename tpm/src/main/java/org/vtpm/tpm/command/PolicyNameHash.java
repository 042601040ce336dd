package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyNameHash: limits a policy to given handles. */
public record PolicyNameHash(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Digest nameHash) implements TpmCommand<PolicyNameHashResponse> {
}
