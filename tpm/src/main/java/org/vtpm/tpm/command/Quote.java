package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_Quote: signs the digest of selected PCRs. */
public record Quote(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle signHandle,
        Data qualifyingData,
        @Plus SigScheme inScheme,
        PcrSelectionList pcrSelect) implements TpmCommand<QuoteResponse> {
}
