package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * TPM_PT: a TPM property tag for GetCapability(TPM_CAP_TPM_PROPERTIES) (Part 2, 6.13).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Pt(int value) implements TpmValue {

    public static final Pt NONE = new Pt(0x00000000);
    public static final Pt FAMILY_INDICATOR = new Pt(0x00000100);
    public static final Pt LEVEL = new Pt(0x00000101);
    public static final Pt REVISION = new Pt(0x00000102);
    public static final Pt DAY_OF_YEAR = new Pt(0x00000103);
    public static final Pt YEAR = new Pt(0x00000104);
    public static final Pt MANUFACTURER = new Pt(0x00000105);
    public static final Pt VENDOR_STRING_1 = new Pt(0x00000106);
    public static final Pt VENDOR_STRING_2 = new Pt(0x00000107);
    public static final Pt VENDOR_STRING_3 = new Pt(0x00000108);
    public static final Pt VENDOR_STRING_4 = new Pt(0x00000109);
    public static final Pt VENDOR_TPM_TYPE = new Pt(0x0000010A);
    public static final Pt FIRMWARE_VERSION_1 = new Pt(0x0000010B);
    public static final Pt FIRMWARE_VERSION_2 = new Pt(0x0000010C);
    public static final Pt INPUT_BUFFER = new Pt(0x0000010D);
    public static final Pt HR_TRANSIENT_MIN = new Pt(0x0000010E);
    public static final Pt HR_PERSISTENT_MIN = new Pt(0x0000010F);
    public static final Pt HR_LOADED_MIN = new Pt(0x00000110);
    public static final Pt ACTIVE_SESSIONS_MAX = new Pt(0x00000111);
    public static final Pt PCR_COUNT = new Pt(0x00000112);
    public static final Pt PCR_SELECT_MIN = new Pt(0x00000113);
    public static final Pt CONTEXT_GAP_MAX = new Pt(0x00000114);
    public static final Pt NV_COUNTERS_MAX = new Pt(0x00000116);
    public static final Pt NV_INDEX_MAX = new Pt(0x00000117);
    public static final Pt MEMORY = new Pt(0x00000118);
    public static final Pt CLOCK_UPDATE = new Pt(0x00000119);
    public static final Pt CONTEXT_HASH = new Pt(0x0000011A);
    public static final Pt CONTEXT_SYM = new Pt(0x0000011B);
    public static final Pt CONTEXT_SYM_SIZE = new Pt(0x0000011C);
    public static final Pt ORDERLY_COUNT = new Pt(0x0000011D);
    public static final Pt MAX_COMMAND_SIZE = new Pt(0x0000011E);
    public static final Pt MAX_RESPONSE_SIZE = new Pt(0x0000011F);
    public static final Pt MAX_DIGEST = new Pt(0x00000120);
    public static final Pt MAX_OBJECT_CONTEXT = new Pt(0x00000121);
    public static final Pt MAX_SESSION_CONTEXT = new Pt(0x00000122);
    public static final Pt PS_FAMILY_INDICATOR = new Pt(0x00000123);
    public static final Pt PS_LEVEL = new Pt(0x00000124);
    public static final Pt PS_REVISION = new Pt(0x00000125);
    public static final Pt PS_DAY_OF_YEAR = new Pt(0x00000126);
    public static final Pt PS_YEAR = new Pt(0x00000127);
    public static final Pt SPLIT_MAX = new Pt(0x00000128);
    public static final Pt TOTAL_COMMANDS = new Pt(0x00000129);
    public static final Pt LIBRARY_COMMANDS = new Pt(0x0000012A);
    public static final Pt VENDOR_COMMANDS = new Pt(0x0000012B);
    public static final Pt NV_BUFFER_MAX = new Pt(0x0000012C);
    public static final Pt MODES = new Pt(0x0000012D);
    public static final Pt MAX_CAP_BUFFER = new Pt(0x0000012E);
    public static final Pt PERMANENT = new Pt(0x00000200);
    public static final Pt STARTUP_CLEAR = new Pt(0x00000201);
    public static final Pt HR_NV_INDEX = new Pt(0x00000202);
    public static final Pt HR_LOADED = new Pt(0x00000203);
    public static final Pt HR_LOADED_AVAIL = new Pt(0x00000204);
    public static final Pt HR_ACTIVE = new Pt(0x00000205);
    public static final Pt HR_ACTIVE_AVAIL = new Pt(0x00000206);
    public static final Pt HR_TRANSIENT_AVAIL = new Pt(0x00000207);
    public static final Pt HR_PERSISTENT = new Pt(0x00000208);
    public static final Pt HR_PERSISTENT_AVAIL = new Pt(0x00000209);
    public static final Pt NV_COUNTERS = new Pt(0x0000020A);
    public static final Pt NV_COUNTERS_AVAIL = new Pt(0x0000020B);
    public static final Pt ALGORITHM_SET = new Pt(0x0000020C);
    public static final Pt LOADED_CURVES = new Pt(0x0000020D);
    public static final Pt LOCKOUT_COUNTER = new Pt(0x0000020E);
    public static final Pt MAX_AUTH_FAIL = new Pt(0x0000020F);
    public static final Pt LOCKOUT_INTERVAL = new Pt(0x00000210);
    public static final Pt LOCKOUT_RECOVERY = new Pt(0x00000211);
    public static final Pt NV_WRITE_RECOVERY = new Pt(0x00000212);
    public static final Pt AUDIT_COUNTER_0 = new Pt(0x00000213);
    public static final Pt AUDIT_COUNTER_1 = new Pt(0x00000214);
    /** PT_FIXED: the first fixed property (PT_GROUP * 1); prints as TPM_PT_FAMILY_INDICATOR */
    public static final Pt PT_FIXED = new Pt(0x00000100);
    /** PT_VAR: the first variable property (PT_GROUP * 2); prints as TPM_PT_PERMANENT */
    public static final Pt PT_VAR = new Pt(0x00000200);

    private static final TypeNames NAMES = TypeNames.scan("TPM_PT", Pt.class, "TPM_PT_");

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
