package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.TkCreation;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_CertifyCreation: proves that this TPM created an object, with the given creation data. */
public record CertifyCreation(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle signHandle,
        @HandleArea @Check(Tpmi.DhObject.class) Handle objectHandle,
        Data qualifyingData,
        Digest creationHash,
        @Plus SigScheme inScheme,
        TkCreation creationTicket) implements TpmCommand<CertifyCreationResponse> {
}
