package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_SE: the type of an authorization session (Part 2, 6.11).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Se(@Uint(8) int value) implements TpmValue {

    public static final Se HMAC = new Se(0x00);
    public static final Se POLICY = new Se(0x01);
    public static final Se TRIAL = new Se(0x03);

    private static final Map<Integer, String> NAMES = ConstantNames.scan(Se.class, "TPM_SE_", Se::value);

    public Se {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("TPM_SE 0x" + Integer.toHexString(value) + " exceeds 8 bits");
        }
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "TPM_SE(0x" + Integer.toHexString(value) + ")";
    }
}
