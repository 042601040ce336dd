package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_NV_ChangeAuth: changes the authValue of an NV index. */
public record NvChangeAuth(
        @HandleArea(auth = AuthRole.ADMIN) @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        Auth newAuth) implements TpmCommand<NvChangeAuthResponse> {
}
