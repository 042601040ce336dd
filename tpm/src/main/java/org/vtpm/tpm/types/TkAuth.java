package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPMT_TK_AUTH: the ticket of a PolicySigned or PolicySecret authorization. */
public record TkAuth(
        @Check(Tpmi.AuthTag.class) St tag,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle hierarchy,
        Digest digest) {
}
