package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ChangeEPS: replaces the endorsement primary seed, so earlier endorsement primaries are gone. */
public record ChangeEps(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.RhPlatform.class) Handle authHandle) implements TpmCommand<ChangeEpsResponse> {
}
