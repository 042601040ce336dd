package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PolicyRestart: resets a policy session. */
public record PolicyRestart(
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle sessionHandle) implements TpmCommand<PolicyRestartResponse> {
}
