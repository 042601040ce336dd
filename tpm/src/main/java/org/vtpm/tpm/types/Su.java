package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
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

    private static final Map<Integer, String> NAMES = ConstantNames.scan(Su.class, "TPM_SU_", Su::value);

    public Su {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("TPM_SU 0x" + Integer.toHexString(value) + " exceeds 16 bits");
        }
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "TPM_SU(0x" + Integer.toHexString(value) + ")";
    }
}
