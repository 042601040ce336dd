package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Uint;

/** TPMS_RSA_PARMS: the parameters of an RSA key; an exponent of 0 means 65537. */
public record RsaParms(
        @Plus SymDefObject symmetric,
        @Plus RsaScheme scheme,
        @Check(Tpmi.RsaKeyBits.class) @Uint(16) int keyBits,
        int exponent) implements PublicParmsUnion {
}
