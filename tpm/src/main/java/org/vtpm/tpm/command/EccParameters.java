package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ECC_Parameters: the parameters of an ECC curve the TPM implements. */
public record EccParameters(
        @Check(Tpmi.EccCurves.class) EccCurve curveID) implements TpmCommand<EccParametersResponse> {
}
