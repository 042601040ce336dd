package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * TPM_CC: a command code (Part 2, 6.5.2).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Cc(int value) implements TpmValue {

    public static final Cc NV_UNDEFINE_SPACE_SPECIAL = new Cc(0x0000011F);
    public static final Cc EVICT_CONTROL = new Cc(0x00000120);
    public static final Cc HIERARCHY_CONTROL = new Cc(0x00000121);
    public static final Cc NV_UNDEFINE_SPACE = new Cc(0x00000122);
    public static final Cc CHANGE_EPS = new Cc(0x00000124);
    public static final Cc CHANGE_PPS = new Cc(0x00000125);
    public static final Cc CLEAR = new Cc(0x00000126);
    public static final Cc CLEAR_CONTROL = new Cc(0x00000127);
    public static final Cc CLOCK_SET = new Cc(0x00000128);
    public static final Cc HIERARCHY_CHANGE_AUTH = new Cc(0x00000129);
    public static final Cc NV_DEFINE_SPACE = new Cc(0x0000012A);
    public static final Cc PCR_ALLOCATE = new Cc(0x0000012B);
    public static final Cc PCR_SET_AUTH_POLICY = new Cc(0x0000012C);
    public static final Cc PP_COMMANDS = new Cc(0x0000012D);
    public static final Cc SET_PRIMARY_POLICY = new Cc(0x0000012E);
    public static final Cc FIELD_UPGRADE_START = new Cc(0x0000012F);
    public static final Cc CLOCK_RATE_ADJUST = new Cc(0x00000130);
    public static final Cc CREATE_PRIMARY = new Cc(0x00000131);
    public static final Cc NV_GLOBAL_WRITE_LOCK = new Cc(0x00000132);
    public static final Cc GET_COMMAND_AUDIT_DIGEST = new Cc(0x00000133);
    public static final Cc NV_INCREMENT = new Cc(0x00000134);
    public static final Cc NV_SET_BITS = new Cc(0x00000135);
    public static final Cc NV_EXTEND = new Cc(0x00000136);
    public static final Cc NV_WRITE = new Cc(0x00000137);
    public static final Cc NV_WRITE_LOCK = new Cc(0x00000138);
    public static final Cc DICTIONARY_ATTACK_LOCK_RESET = new Cc(0x00000139);
    public static final Cc DICTIONARY_ATTACK_PARAMETERS = new Cc(0x0000013A);
    public static final Cc NV_CHANGE_AUTH = new Cc(0x0000013B);
    public static final Cc PCR_EVENT = new Cc(0x0000013C);
    public static final Cc PCR_RESET = new Cc(0x0000013D);
    public static final Cc SEQUENCE_COMPLETE = new Cc(0x0000013E);
    public static final Cc SET_ALGORITHM_SET = new Cc(0x0000013F);
    public static final Cc SET_COMMAND_CODE_AUDIT_STATUS = new Cc(0x00000140);
    public static final Cc FIELD_UPGRADE_DATA = new Cc(0x00000141);
    public static final Cc INCREMENTAL_SELF_TEST = new Cc(0x00000142);
    public static final Cc SELF_TEST = new Cc(0x00000143);
    public static final Cc STARTUP = new Cc(0x00000144);
    public static final Cc SHUTDOWN = new Cc(0x00000145);
    public static final Cc STIR_RANDOM = new Cc(0x00000146);
    public static final Cc ACTIVATE_CREDENTIAL = new Cc(0x00000147);
    public static final Cc CERTIFY = new Cc(0x00000148);
    public static final Cc POLICY_NV = new Cc(0x00000149);
    public static final Cc CERTIFY_CREATION = new Cc(0x0000014A);
    public static final Cc DUPLICATE = new Cc(0x0000014B);
    public static final Cc GET_TIME = new Cc(0x0000014C);
    public static final Cc GET_SESSION_AUDIT_DIGEST = new Cc(0x0000014D);
    public static final Cc NV_READ = new Cc(0x0000014E);
    public static final Cc NV_READ_LOCK = new Cc(0x0000014F);
    public static final Cc OBJECT_CHANGE_AUTH = new Cc(0x00000150);
    public static final Cc POLICY_SECRET = new Cc(0x00000151);
    public static final Cc REWRAP = new Cc(0x00000152);
    public static final Cc CREATE = new Cc(0x00000153);
    public static final Cc ECDH_ZGEN = new Cc(0x00000154);
    public static final Cc HMAC = new Cc(0x00000155);
    public static final Cc IMPORT = new Cc(0x00000156);
    public static final Cc LOAD = new Cc(0x00000157);
    public static final Cc QUOTE = new Cc(0x00000158);
    public static final Cc RSA_DECRYPT = new Cc(0x00000159);
    public static final Cc HMAC_START = new Cc(0x0000015B);
    public static final Cc SEQUENCE_UPDATE = new Cc(0x0000015C);
    public static final Cc SIGN = new Cc(0x0000015D);
    public static final Cc UNSEAL = new Cc(0x0000015E);
    public static final Cc POLICY_SIGNED = new Cc(0x00000160);
    public static final Cc CONTEXT_LOAD = new Cc(0x00000161);
    public static final Cc CONTEXT_SAVE = new Cc(0x00000162);
    public static final Cc ECDH_KEYGEN = new Cc(0x00000163);
    public static final Cc ENCRYPT_DECRYPT = new Cc(0x00000164);
    public static final Cc FLUSH_CONTEXT = new Cc(0x00000165);
    public static final Cc LOAD_EXTERNAL = new Cc(0x00000167);
    public static final Cc MAKE_CREDENTIAL = new Cc(0x00000168);
    public static final Cc NV_READ_PUBLIC = new Cc(0x00000169);
    public static final Cc POLICY_AUTHORIZE = new Cc(0x0000016A);
    public static final Cc POLICY_AUTH_VALUE = new Cc(0x0000016B);
    public static final Cc POLICY_COMMAND_CODE = new Cc(0x0000016C);
    public static final Cc POLICY_COUNTER_TIMER = new Cc(0x0000016D);
    public static final Cc POLICY_CP_HASH = new Cc(0x0000016E);
    public static final Cc POLICY_LOCALITY = new Cc(0x0000016F);
    public static final Cc POLICY_NAME_HASH = new Cc(0x00000170);
    public static final Cc POLICY_OR = new Cc(0x00000171);
    public static final Cc POLICY_TICKET = new Cc(0x00000172);
    public static final Cc READ_PUBLIC = new Cc(0x00000173);
    public static final Cc RSA_ENCRYPT = new Cc(0x00000174);
    public static final Cc START_AUTH_SESSION = new Cc(0x00000176);
    public static final Cc VERIFY_SIGNATURE = new Cc(0x00000177);
    public static final Cc ECC_PARAMETERS = new Cc(0x00000178);
    public static final Cc FIRMWARE_READ = new Cc(0x00000179);
    public static final Cc GET_CAPABILITY = new Cc(0x0000017A);
    public static final Cc GET_RANDOM = new Cc(0x0000017B);
    public static final Cc GET_TEST_RESULT = new Cc(0x0000017C);
    public static final Cc HASH = new Cc(0x0000017D);
    public static final Cc PCR_READ = new Cc(0x0000017E);
    public static final Cc POLICY_PCR = new Cc(0x0000017F);
    public static final Cc POLICY_RESTART = new Cc(0x00000180);
    public static final Cc READ_CLOCK = new Cc(0x00000181);
    public static final Cc PCR_EXTEND = new Cc(0x00000182);
    public static final Cc PCR_SET_AUTH_VALUE = new Cc(0x00000183);
    public static final Cc NV_CERTIFY = new Cc(0x00000184);
    public static final Cc EVENT_SEQUENCE_COMPLETE = new Cc(0x00000185);
    public static final Cc HASH_SEQUENCE_START = new Cc(0x00000186);
    public static final Cc POLICY_PHYSICAL_PRESENCE = new Cc(0x00000187);
    public static final Cc POLICY_DUPLICATION_SELECT = new Cc(0x00000188);
    public static final Cc POLICY_GET_DIGEST = new Cc(0x00000189);
    public static final Cc TEST_PARMS = new Cc(0x0000018A);
    public static final Cc COMMIT = new Cc(0x0000018B);
    public static final Cc POLICY_PASSWORD = new Cc(0x0000018C);
    public static final Cc ZGEN_2PHASE = new Cc(0x0000018D);
    public static final Cc EC_EPHEMERAL = new Cc(0x0000018E);
    public static final Cc POLICY_NV_WRITTEN = new Cc(0x0000018F);
    public static final Cc POLICY_TEMPLATE = new Cc(0x00000190);
    public static final Cc CREATE_LOADED = new Cc(0x00000191);
    public static final Cc POLICY_AUTHORIZE_NV = new Cc(0x00000192);
    public static final Cc ENCRYPT_DECRYPT2 = new Cc(0x00000193);
    public static final Cc AC_GET_CAPABILITY = new Cc(0x00000194);
    public static final Cc AC_SEND = new Cc(0x00000195);
    public static final Cc POLICY_AC_SEND_SELECT = new Cc(0x00000196);
    public static final Cc CERTIFY_X509 = new Cc(0x00000197);
    public static final Cc ACT_SET_TIMEOUT = new Cc(0x00000198);
    public static final Cc ECC_ENCRYPT = new Cc(0x00000199);
    public static final Cc ECC_DECRYPT = new Cc(0x0000019A);
    public static final Cc POLICY_CAPABILITY = new Cc(0x0000019B);
    public static final Cc POLICY_PARAMETERS = new Cc(0x0000019C);
    public static final Cc NV_DEFINE_SPACE2 = new Cc(0x0000019D);
    public static final Cc NV_READ_PUBLIC2 = new Cc(0x0000019E);

    private static final TypeNames NAMES = TypeNames.scan("TPM_CC", Cc.class, "TPM_CC_");

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
