package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_ECC_CURVE: ECC curves. */
public record EccCurveList(
        @Count(max = TpmLimits.MAX_ECC_CURVES) List<EccCurve> eccCurves) implements CapabilitiesUnion {

    public EccCurveList {
        eccCurves = List.copyOf(eccCurves);
    }
}
