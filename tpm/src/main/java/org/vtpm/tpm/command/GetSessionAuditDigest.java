package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_GetSessionAuditDigest: signs the audit digest of an HMAC session. */
public record GetSessionAuditDigest(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhEndorsement.class) Handle privacyAdminHandle,
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle signHandle,
        @HandleArea @Check(Tpmi.ShHmac.class) Handle sessionHandle,
        Data qualifyingData,
        @Plus SigScheme inScheme) implements TpmCommand<GetSessionAuditDigestResponse> {
}
