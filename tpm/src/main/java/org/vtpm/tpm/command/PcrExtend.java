package org.vtpm.tpm.command;

import org.vtpm.tpm.types.DigestValuesList;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_PCR_Extend: extends a PCR in each bank with the given digests. */
public record PcrExtend(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhPcr.class, nullValue = NullValue.ACCEPTED) Handle pcrHandle,
        DigestValuesList digests) implements TpmCommand<PcrExtendResponse> {
}
