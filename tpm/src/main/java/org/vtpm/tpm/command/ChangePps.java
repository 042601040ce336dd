package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ChangePPS: replaces the platform primary seed, so earlier platform primaries are gone. */
public record ChangePps(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.RhPlatform.class) Handle authHandle) implements TpmCommand<ChangePpsResponse> {
}
