package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ObjectChangeAuth: returns the private area of a loaded object with a new authValue. */
public record ObjectChangeAuth(
        @HandleArea(auth = AuthRole.ADMIN) @Check(Tpmi.DhObject.class) Handle objectHandle,
        @HandleArea @Check(Tpmi.DhObject.class) Handle parentHandle,
        Auth newAuth) implements TpmCommand<ObjectChangeAuthResponse> {
}
