package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PCR_Allocate: asks for a new PCR bank allocation, to take effect at the next TPM2_Startup. */
public record PcrAllocate(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhPlatform.class) Handle authHandle,
        PcrSelectionList pcrAllocation) implements TpmCommand<PcrAllocateResponse> {
}
