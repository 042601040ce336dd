package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_HMAC_Start: starts an HMAC sequence with a loaded keyed-hash key. */
public record HmacStart(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle handle,
        Auth auth,
        @Check(value = Tpmi.AlgMacScheme.class, nullValue = NullValue.ACCEPTED)
        AlgId hashAlg) implements TpmCommand<HmacStartResponse> {
}
