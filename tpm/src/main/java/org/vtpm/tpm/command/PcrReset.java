package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PCR_Reset: resets a resettable PCR. */
public record PcrReset(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.DhPcr.class) Handle pcrHandle) implements TpmCommand<PcrResetResponse> {
}
