package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyDuplicationSelect: limits a policy to duplicating an object to one new parent. */
public record PolicyDuplicationSelect(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Name objectName,
        Name newParentName,
        boolean includeObject) implements TpmCommand<PolicyDuplicationSelectResponse> {
}
