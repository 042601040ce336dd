package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMT_TK_CREATION: the ticket that an object was created by this TPM. */
public record TkCreation(
        @Check(Tpmi.CreationTag.class) St tag,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle hierarchy,
        Digest digest) {
}
