package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Selector;

/** TPMT_SENSITIVE: the sensitive area of an object. */
public record Sensitive(
        @Check(Tpmi.AlgPublic.class) AlgId sensitiveType,
        Auth authValue,
        Digest seedValue,
        @Selector("sensitiveType") SensitiveCompositeUnion sensitive) {
}
