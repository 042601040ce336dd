package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * TPM_CAP: the capability group GetCapability returns (Part 2, 6.12).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Cap(int value) implements TpmValue {

    public static final Cap ALGS = new Cap(0x00000000);
    public static final Cap HANDLES = new Cap(0x00000001);
    public static final Cap COMMANDS = new Cap(0x00000002);
    public static final Cap PP_COMMANDS = new Cap(0x00000003);
    public static final Cap AUDIT_COMMANDS = new Cap(0x00000004);
    public static final Cap PCRS = new Cap(0x00000005);
    public static final Cap TPM_PROPERTIES = new Cap(0x00000006);
    public static final Cap PCR_PROPERTIES = new Cap(0x00000007);
    public static final Cap ECC_CURVES = new Cap(0x00000008);
    public static final Cap AUTH_POLICIES = new Cap(0x00000009);
    public static final Cap ACT = new Cap(0x0000000A);
    public static final Cap VENDOR_PROPERTY = new Cap(0x00000100);

    private static final TypeNames NAMES = TypeNames.scan("TPM_CAP", Cap.class, "TPM_CAP_");

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
