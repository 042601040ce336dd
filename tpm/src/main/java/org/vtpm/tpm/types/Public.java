package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_PUBLIC: the public area of an object. */
public record Public(
        @Check(Tpmi.AlgPublic.class) AlgId type,
        @Check(value = Tpmi.AlgHash.class, nullValue = NullValue.IF_PLUS) AlgId nameAlg,
        ObjectAttributes objectAttributes,
        Digest authPolicy,
        @Selector("type") PublicParmsUnion parameters,
        @Selector("type") PublicIdUnion unique) {
}
