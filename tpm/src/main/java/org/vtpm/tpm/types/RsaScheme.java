package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_RSA_SCHEME: the scheme of an RSA key. */
public record RsaScheme(
        @Check(value = Tpmi.AlgRsaScheme.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") AsymSchemeUnion details) {

    public static final RsaScheme NULL = new RsaScheme(AlgId.NULL, Empty.INSTANCE);
}
