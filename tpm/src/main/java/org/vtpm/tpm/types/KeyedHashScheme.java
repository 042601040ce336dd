package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_KEYEDHASH_SCHEME: the scheme of a keyed-hash object. */
public record KeyedHashScheme(
        @Check(value = Tpmi.AlgKeyedHashScheme.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") SchemeKeyedHashUnion details) {

    public static final KeyedHashScheme NULL = new KeyedHashScheme(AlgId.NULL, Empty.INSTANCE);
}
