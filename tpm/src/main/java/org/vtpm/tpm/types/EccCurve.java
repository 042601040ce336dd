package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_ECC_CURVE: an elliptic curve identifier (Part 2, 6.4).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record EccCurve(@Uint(16) int value) implements TpmValue {

    public static final EccCurve NONE = new EccCurve(0x0000);
    public static final EccCurve NIST_P192 = new EccCurve(0x0001);
    public static final EccCurve NIST_P224 = new EccCurve(0x0002);
    public static final EccCurve NIST_P256 = new EccCurve(0x0003);
    public static final EccCurve NIST_P384 = new EccCurve(0x0004);
    public static final EccCurve NIST_P521 = new EccCurve(0x0005);
    public static final EccCurve BN_P256 = new EccCurve(0x0010);
    public static final EccCurve BN_P638 = new EccCurve(0x0011);
    public static final EccCurve SM2_P256 = new EccCurve(0x0020);

    private static final TypeNames NAMES = TypeNames.scan("TPM_ECC_CURVE", EccCurve.class, "TPM_ECC_");

    public EccCurve {
        TypeNames.checkWidth("TPM_ECC_CURVE", value, 16);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
