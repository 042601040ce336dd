package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Selector;

/** TPMT_PUBLIC_PARMS: an object type and its algorithm parameters, without the rest of a public area. */
public record PublicParms(
        @Check(Tpmi.AlgPublic.class) AlgId type,
        @Selector("type") PublicParmsUnion parameters) {
}
