package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Operand;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Uint;

/** TPM2_PolicyNV: binds a policy to a comparison with NV index contents. */
public record PolicyNv(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        @HandleArea @Check(Tpmi.ShPolicy.class) Handle policySession,
        Operand operandB,
        @Uint(16) int offset,
        @Check(Tpmi.EoValues.class) Eo operation) implements TpmCommand<PolicyNvResponse> {
}
