package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_EO: the comparison PolicyNV and PolicyCounterTimer apply (Part 2, 6.8).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Eo(@Uint(16) int value) implements TpmValue {

    public static final Eo EQ = new Eo(0x0000);
    public static final Eo NEQ = new Eo(0x0001);
    public static final Eo SIGNED_GT = new Eo(0x0002);
    public static final Eo UNSIGNED_GT = new Eo(0x0003);
    public static final Eo SIGNED_LT = new Eo(0x0004);
    public static final Eo UNSIGNED_LT = new Eo(0x0005);
    public static final Eo SIGNED_GE = new Eo(0x0006);
    public static final Eo UNSIGNED_GE = new Eo(0x0007);
    public static final Eo SIGNED_LE = new Eo(0x0008);
    public static final Eo UNSIGNED_LE = new Eo(0x0009);
    public static final Eo BITSET = new Eo(0x000A);
    public static final Eo BITCLEAR = new Eo(0x000B);

    private static final TypeNames NAMES = TypeNames.scan("TPM_EO", Eo.class, "TPM_EO_");

    public Eo {
        TypeNames.checkWidth("TPM_EO", value, 16);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
