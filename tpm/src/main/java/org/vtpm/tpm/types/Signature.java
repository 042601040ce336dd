package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Selector;

/** TPMT_SIGNATURE: a signature tagged with its scheme. */
public record Signature(
        @Check(value = Tpmi.AlgSigScheme.class, nullValue = NullValue.IF_PLUS) AlgId sigAlg,
        @Selector("sigAlg") SignatureUnion signature) {
}
