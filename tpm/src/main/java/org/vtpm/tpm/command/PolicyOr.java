package org.vtpm.tpm.command;

import org.vtpm.tpm.types.DigestList;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyOR: accepts any one of several policy branches. */
public record PolicyOr(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        DigestList pHashList) implements TpmCommand<PolicyOrResponse> {
}
