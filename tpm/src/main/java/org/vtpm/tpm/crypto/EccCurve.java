package org.vtpm.tpm.crypto;

import java.util.Optional;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The ECC curves this product supports, by {@code TPM_ECC_CURVE} value. */
public enum EccCurve {
    NIST_P256(0x0003, "P-256", 32),
    NIST_P384(0x0004, "P-384", 48);

    private final int curveId;
    private final String nistName;
    private final int coordinateSize;
    private final ECDomainParameters domain;

    EccCurve(int curveId, String nistName, int coordinateSize) {
        this.curveId = curveId;
        this.nistName = nistName;
        this.coordinateSize = coordinateSize;
        // Bouncy Castle's custom implementations of the NIST primes are several times faster than the
        // generic curve arithmetic.
        X9ECParameters parameters = CustomNamedCurves.getByName(nistName);
        this.domain = new ECDomainParameters(parameters);
    }

    /** The {@code TPM_ECC_CURVE} value. */
    public int curveId() {
        return curveId;
    }

    public String nistName() {
        return nistName;
    }

    /** Bytes in one coordinate, and in a shared secret Z. */
    public int coordinateSize() {
        return coordinateSize;
    }

    public ECDomainParameters domain() {
        return domain;
    }

    public static Optional<EccCurve> fromCurveId(int curveId) {
        for (EccCurve curve : values()) {
            if (curve.curveId == curveId) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }
}
