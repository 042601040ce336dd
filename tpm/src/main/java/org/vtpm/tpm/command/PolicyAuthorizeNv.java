package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyAuthorizeNV: replaces the policy digest when it equals the policy an NV index holds. */
public record PolicyAuthorizeNv(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession) implements TpmCommand<PolicyAuthorizeNvResponse> {
}
