package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_SetPrimaryPolicy: sets the authPolicy of a hierarchy or of lockout. */
public record SetPrimaryPolicy(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhHierarchyPolicy.class) Handle authHandle,
        Digest authPolicy,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.ACCEPTED)
        AlgId hashAlg) implements TpmCommand<SetPrimaryPolicyResponse> {
}
