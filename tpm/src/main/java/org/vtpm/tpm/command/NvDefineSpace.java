package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_NV_DefineSpace: defines an NV index. */
public record NvDefineSpace(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle authHandle,
        Auth auth,
        Tpm2b<NvPublic> publicInfo) implements TpmCommand<NvDefineSpaceResponse> {
}
