package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_SU: the startup and shutdown type (Part 2, 6.10).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Su(@Uint(16) int value) implements TpmValue {

    public static final Su CLEAR = new Su(0x0000);
    public static final Su STATE = new Su(0x0001);

    private static final TypeNames NAMES = TypeNames.scan("TPM_SU", Su.class, "TPM_SU_");

    public Su {
        TypeNames.checkWidth("TPM_SU", value, 16);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
