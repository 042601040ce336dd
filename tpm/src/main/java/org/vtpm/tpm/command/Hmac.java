package org.vtpm.tpm.command;

import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_HMAC: computes an HMAC with a loaded keyed-hash key. */
public record Hmac(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle handle,
        MaxBuffer buffer,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.ACCEPTED)
        AlgId hashAlg) implements TpmCommand<HmacResponse> {
}
