package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyCommandCode: limits a policy to one command. */
public record PolicyCommandCode(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Cc code) implements TpmCommand<PolicyCommandCodeResponse> {
}
