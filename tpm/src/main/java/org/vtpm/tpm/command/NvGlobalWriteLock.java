package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/**
 * TPM2_NV_GlobalWriteLock: locks every index with TPMA_NV_GLOBALLOCK against writes, until the
 * next TPM Reset or Restart for those not both written and TPMA_NV_WRITEDEFINE.
 */
public record NvGlobalWriteLock(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle authHandle)
        implements TpmCommand<NvGlobalWriteLockResponse> {
}
