package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.Uint;

/** TPMS_ALGORITHM_DETAIL_ECC: an ECC curve's parameters, as TPM2_ECC_Parameters reports them. */
public record AlgorithmDetailEcc(
        EccCurve curveID,
        @Uint(16) int keySize,
        @Plus KdfScheme kdf,
        @Plus EccScheme sign,
        EccParameter p,
        EccParameter a,
        EccParameter b,
        EccParameter gX,
        EccParameter gY,
        EccParameter n,
        EccParameter h) {
}
