package org.vtpm.tpm.types;

/**
 * TPM_HC: the handle ranges (Part 2, 7.5). Session and transient ranges span their whole handle
 * type rather than one TPM's slot count, because resource managers (the Linux kernel's included)
 * hand out virtualized handles anywhere in the type's range.
 */
public final class Hc {

    public static final int HR_HANDLE_MASK = 0x00FF_FFFF;
    public static final int HR_RANGE_MASK = 0xFF00_0000;
    public static final int HR_SHIFT = 24;

    public static final int HR_PCR = 0x0000_0000;
    public static final int HR_HMAC_SESSION = 0x0200_0000;
    public static final int HR_POLICY_SESSION = 0x0300_0000;
    public static final int HR_TRANSIENT = 0x8000_0000;
    public static final int HR_PERSISTENT = 0x8100_0000;
    public static final int HR_NV_INDEX = 0x0100_0000;
    public static final int HR_PERMANENT = 0x4000_0000;

    public static final int PCR_FIRST = HR_PCR;
    public static final int PCR_LAST = PCR_FIRST + TpmLimits.IMPLEMENTATION_PCR - 1;
    public static final int HMAC_SESSION_FIRST = HR_HMAC_SESSION;
    public static final int HMAC_SESSION_LAST = HMAC_SESSION_FIRST + HR_HANDLE_MASK;
    public static final int LOADED_SESSION_FIRST = HMAC_SESSION_FIRST;
    public static final int LOADED_SESSION_LAST = HMAC_SESSION_LAST;
    public static final int POLICY_SESSION_FIRST = HR_POLICY_SESSION;
    public static final int POLICY_SESSION_LAST = POLICY_SESSION_FIRST + HR_HANDLE_MASK;
    public static final int TRANSIENT_FIRST = HR_TRANSIENT;
    public static final int TRANSIENT_LAST = TRANSIENT_FIRST + HR_HANDLE_MASK;
    public static final int PERMANENT_FIRST = 0x4000_0000;
    public static final int PERMANENT_LAST = 0x4000_011F;
    public static final int PERSISTENT_FIRST = HR_PERSISTENT;
    public static final int PERSISTENT_LAST = PERSISTENT_FIRST + HR_HANDLE_MASK;
    public static final int PLATFORM_PERSISTENT = PERSISTENT_FIRST + 0x0080_0000;
    public static final int NV_INDEX_FIRST = HR_NV_INDEX;
    public static final int NV_INDEX_LAST = NV_INDEX_FIRST + HR_HANDLE_MASK;
    public static final int AC_FIRST = 0x9000_0000;
    public static final int AC_LAST = 0x9000_FFFF;

    private Hc() {
    }
}
