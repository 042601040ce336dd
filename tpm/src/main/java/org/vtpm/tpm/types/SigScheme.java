package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_SIG_SCHEME: a signature scheme as a command parameter. */
public record SigScheme(
        @Check(value = Tpmi.AlgSigScheme.class, nullValue = NullValue.IF_PLUS) AlgId scheme,
        @Selector("scheme") SigSchemeUnion details) {

    public static final SigScheme NULL = new SigScheme(AlgId.NULL, Empty.INSTANCE);
}
