package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyCpHash: limits a policy to one command with given parameters. */
public record PolicyCpHash(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Digest cpHashA) implements TpmCommand<PolicyCpHashResponse> {
}
