package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;

/** TPMS_ECC_PARMS: the parameters of an ECC key. */
public record EccParms(
        @Plus SymDefObject symmetric,
        @Plus EccScheme scheme,
        @Check(Tpmi.EccCurves.class) EccCurve curveID,
        @Plus KdfScheme kdf) implements PublicParmsUnion {
}
