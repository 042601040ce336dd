package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_GetCommandAuditDigest: attests the command audit digest and the list of audited commands. */
public record GetCommandAuditDigest(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhEndorsement.class) Handle privacyHandle,
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle signHandle,
        Data qualifyingData,
        @Plus SigScheme inScheme) implements TpmCommand<GetCommandAuditDigestResponse> {
}
