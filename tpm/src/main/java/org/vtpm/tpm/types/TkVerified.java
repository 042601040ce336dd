package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMT_TK_VERIFIED: the ticket that this TPM verified a signature. */
public record TkVerified(
        @Check(Tpmi.VerifiedTag.class) St tag,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle hierarchy,
        Digest digest) {
}
