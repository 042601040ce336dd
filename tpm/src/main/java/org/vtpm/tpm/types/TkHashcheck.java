package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMT_TK_HASHCHECK: the ticket that this TPM hashed data that did not start with TPM_GENERATED_VALUE. */
public record TkHashcheck(
        @Check(Tpmi.HashcheckTag.class) St tag,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle hierarchy,
        Digest digest) {

    /** The NULL ticket: for signing with an unrestricted key. */
    public static final TkHashcheck NULL = new TkHashcheck(St.HASHCHECK, Handle.RH_NULL, Digest.EMPTY);
}
