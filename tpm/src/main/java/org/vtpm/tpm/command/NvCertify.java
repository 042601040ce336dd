package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Uint;

/** TPM2_NV_Certify: signs part of an NV index's contents. */
public record NvCertify(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle signHandle,
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhNvAuth.class) Handle authHandle,
        @HandleArea @Check(Tpmi.RhNvIndex.class) Handle nvIndex,
        Data qualifyingData,
        @Plus SigScheme inScheme,
        @Uint(16) int size,
        @Uint(16) int offset) implements TpmCommand<NvCertifyResponse> {
}
