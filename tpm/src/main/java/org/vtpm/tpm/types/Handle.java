package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * TPM_HANDLE, with the permanent handles TPM_RH_ and TPM_RS_PW (Part 2, 7.1 and 7.4).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Handle(int value) implements TpmValue {

    public static final Handle RH_OWNER = new Handle(0x40000001);
    public static final Handle RH_REVOKE = new Handle(0x40000002);
    public static final Handle RH_TRANSPORT = new Handle(0x40000003);
    public static final Handle RH_OPERATOR = new Handle(0x40000004);
    public static final Handle RH_ADMIN = new Handle(0x40000005);
    public static final Handle RH_EK = new Handle(0x40000006);
    public static final Handle RH_NULL = new Handle(0x40000007);
    public static final Handle RH_UNASSIGNED = new Handle(0x40000008);
    /** the password authorization session */
    public static final Handle RS_PW = new Handle(0x40000009);
    public static final Handle RH_LOCKOUT = new Handle(0x4000000A);
    public static final Handle RH_ENDORSEMENT = new Handle(0x4000000B);
    public static final Handle RH_PLATFORM = new Handle(0x4000000C);
    public static final Handle RH_PLATFORM_NV = new Handle(0x4000000D);
    public static final Handle RH_AUTH_00 = new Handle(0x40000010);
    public static final Handle RH_AUTH_FF = new Handle(0x4000010F);
    public static final Handle RH_ACT_0 = new Handle(0x40000110);
    public static final Handle RH_ACT_F = new Handle(0x4000011F);

    private static final TypeNames NAMES = TypeNames.scan("TPM_HANDLE", Handle.class, "TPM_");

    /** The handle's type (its most significant octet). */
    public Ht type() {
        return new Ht(value >>> Hc.HR_SHIFT);
    }

    /** The handle's index within its type's range. */
    public int index() {
        return value & Hc.HR_HANDLE_MASK;
    }

    public static Handle pcr(int index) {
        return new Handle(Hc.PCR_FIRST + index);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
