package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyTemplate: limits a policy to creating objects from one template. */
public record PolicyTemplate(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Digest templateHash) implements TpmCommand<PolicyTemplateResponse> {
}
