package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_HierarchyChangeAuth: changes the authValue of a hierarchy or of lockout. */
public record HierarchyChangeAuth(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhHierarchyAuth.class) Handle authHandle,
        Auth newAuth) implements TpmCommand<HierarchyChangeAuthResponse> {
}
