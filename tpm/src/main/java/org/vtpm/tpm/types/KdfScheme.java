package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_KDF_SCHEME: a key derivation function. */
public record KdfScheme(
        @Check(value = Tpmi.AlgKdf.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") KdfSchemeUnion details) {

    public static final KdfScheme NULL = new KdfScheme(AlgId.NULL, Empty.INSTANCE);
}
