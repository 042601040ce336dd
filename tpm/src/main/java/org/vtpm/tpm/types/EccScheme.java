package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_ECC_SCHEME: the scheme of an ECC key. */
public record EccScheme(
        @Check(value = Tpmi.AlgEccScheme.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") AsymSchemeUnion details) {

    public static final EccScheme NULL = new EccScheme(AlgId.NULL, Empty.INSTANCE);
}
