package org.vtpm.tpm.types;

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

    private static final TypeNames NAMES = TypeNames.scan("TPM_SE", Se.class, "TPM_SE_");

    public Se {
        TypeNames.checkWidth("TPM_SE", value, 8);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
