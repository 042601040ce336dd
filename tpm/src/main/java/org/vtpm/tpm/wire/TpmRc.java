package org.vtpm.tpm.wire;

import java.io.Serializable;
import java.util.Map;

/**
 * A TPM 2.0 response code ({@code TPM_RC}), decoded per Part 2 section 6.6.
 *
 * <p>A format-1 code (bit 7 set) carries an error number in bits 0..5 and may name the
 * parameter, handle or session it concerns; a format-0 code is a plain error or warning.
 * Codes from software layers above the TPM (bits 16..23) are kept as they are and shown in hex.
 */
public record TpmRc(int value) implements Serializable {

    private static final int RC_VER1 = 0x100;
    private static final int RC_FMT1 = 0x080;
    private static final int RC_WARN = 0x900;
    private static final int FMT1_P = 0x040;
    private static final int FMT1_S = 0x800;
    private static final int FMT1_ERROR_MASK = 0x03F;
    private static final int FMT1_NUMBER_SHIFT = 8;

    public static final TpmRc SUCCESS = new TpmRc(0x000);
    public static final TpmRc BAD_TAG = new TpmRc(0x01E);

    public static final TpmRc INITIALIZE = new TpmRc(RC_VER1 + 0x000);
    public static final TpmRc FAILURE = new TpmRc(RC_VER1 + 0x001);
    public static final TpmRc SEQUENCE = new TpmRc(RC_VER1 + 0x003);
    public static final TpmRc PRIVATE = new TpmRc(RC_VER1 + 0x00B);
    public static final TpmRc HMAC = new TpmRc(RC_VER1 + 0x019);
    public static final TpmRc DISABLED = new TpmRc(RC_VER1 + 0x020);
    public static final TpmRc EXCLUSIVE = new TpmRc(RC_VER1 + 0x021);
    public static final TpmRc AUTH_TYPE = new TpmRc(RC_VER1 + 0x024);
    public static final TpmRc AUTH_MISSING = new TpmRc(RC_VER1 + 0x025);
    public static final TpmRc POLICY = new TpmRc(RC_VER1 + 0x026);
    public static final TpmRc PCR = new TpmRc(RC_VER1 + 0x027);
    public static final TpmRc PCR_CHANGED = new TpmRc(RC_VER1 + 0x028);
    public static final TpmRc UPGRADE = new TpmRc(RC_VER1 + 0x02D);
    public static final TpmRc TOO_MANY_CONTEXTS = new TpmRc(RC_VER1 + 0x02E);
    public static final TpmRc AUTH_UNAVAILABLE = new TpmRc(RC_VER1 + 0x02F);
    public static final TpmRc REBOOT = new TpmRc(RC_VER1 + 0x030);
    public static final TpmRc UNBALANCED = new TpmRc(RC_VER1 + 0x031);
    public static final TpmRc COMMAND_SIZE = new TpmRc(RC_VER1 + 0x042);
    public static final TpmRc COMMAND_CODE = new TpmRc(RC_VER1 + 0x043);
    public static final TpmRc AUTHSIZE = new TpmRc(RC_VER1 + 0x044);
    public static final TpmRc AUTH_CONTEXT = new TpmRc(RC_VER1 + 0x045);
    public static final TpmRc NV_RANGE = new TpmRc(RC_VER1 + 0x046);
    public static final TpmRc NV_SIZE = new TpmRc(RC_VER1 + 0x047);
    public static final TpmRc NV_LOCKED = new TpmRc(RC_VER1 + 0x048);
    public static final TpmRc NV_AUTHORIZATION = new TpmRc(RC_VER1 + 0x049);
    public static final TpmRc NV_UNINITIALIZED = new TpmRc(RC_VER1 + 0x04A);
    public static final TpmRc NV_SPACE = new TpmRc(RC_VER1 + 0x04B);
    public static final TpmRc NV_DEFINED = new TpmRc(RC_VER1 + 0x04C);
    public static final TpmRc BAD_CONTEXT = new TpmRc(RC_VER1 + 0x050);
    public static final TpmRc CPHASH = new TpmRc(RC_VER1 + 0x051);
    public static final TpmRc PARENT = new TpmRc(RC_VER1 + 0x052);
    public static final TpmRc NEEDS_TEST = new TpmRc(RC_VER1 + 0x053);
    public static final TpmRc NO_RESULT = new TpmRc(RC_VER1 + 0x054);
    public static final TpmRc SENSITIVE = new TpmRc(RC_VER1 + 0x055);

    public static final TpmRc ASYMMETRIC = new TpmRc(RC_FMT1 + 0x001);
    public static final TpmRc ATTRIBUTES = new TpmRc(RC_FMT1 + 0x002);
    public static final TpmRc HASH = new TpmRc(RC_FMT1 + 0x003);
    public static final TpmRc VALUE = new TpmRc(RC_FMT1 + 0x004);
    public static final TpmRc HIERARCHY = new TpmRc(RC_FMT1 + 0x005);
    public static final TpmRc KEY_SIZE = new TpmRc(RC_FMT1 + 0x007);
    public static final TpmRc MGF = new TpmRc(RC_FMT1 + 0x008);
    public static final TpmRc MODE = new TpmRc(RC_FMT1 + 0x009);
    public static final TpmRc TYPE = new TpmRc(RC_FMT1 + 0x00A);
    public static final TpmRc HANDLE = new TpmRc(RC_FMT1 + 0x00B);
    public static final TpmRc KDF = new TpmRc(RC_FMT1 + 0x00C);
    public static final TpmRc RANGE = new TpmRc(RC_FMT1 + 0x00D);
    public static final TpmRc AUTH_FAIL = new TpmRc(RC_FMT1 + 0x00E);
    public static final TpmRc NONCE = new TpmRc(RC_FMT1 + 0x00F);
    public static final TpmRc PP = new TpmRc(RC_FMT1 + 0x010);
    public static final TpmRc SCHEME = new TpmRc(RC_FMT1 + 0x012);
    public static final TpmRc SIZE = new TpmRc(RC_FMT1 + 0x015);
    public static final TpmRc SYMMETRIC = new TpmRc(RC_FMT1 + 0x016);
    public static final TpmRc TAG = new TpmRc(RC_FMT1 + 0x017);
    public static final TpmRc SELECTOR = new TpmRc(RC_FMT1 + 0x018);
    public static final TpmRc INSUFFICIENT = new TpmRc(RC_FMT1 + 0x01A);
    public static final TpmRc SIGNATURE = new TpmRc(RC_FMT1 + 0x01B);
    public static final TpmRc KEY = new TpmRc(RC_FMT1 + 0x01C);
    public static final TpmRc POLICY_FAIL = new TpmRc(RC_FMT1 + 0x01D);
    public static final TpmRc INTEGRITY = new TpmRc(RC_FMT1 + 0x01F);
    public static final TpmRc TICKET = new TpmRc(RC_FMT1 + 0x020);
    public static final TpmRc RESERVED_BITS = new TpmRc(RC_FMT1 + 0x021);
    public static final TpmRc BAD_AUTH = new TpmRc(RC_FMT1 + 0x022);
    public static final TpmRc EXPIRED = new TpmRc(RC_FMT1 + 0x023);
    public static final TpmRc POLICY_CC = new TpmRc(RC_FMT1 + 0x024);
    public static final TpmRc BINDING = new TpmRc(RC_FMT1 + 0x025);
    public static final TpmRc CURVE = new TpmRc(RC_FMT1 + 0x026);
    public static final TpmRc ECC_POINT = new TpmRc(RC_FMT1 + 0x027);

    public static final TpmRc CONTEXT_GAP = new TpmRc(RC_WARN + 0x001);
    public static final TpmRc OBJECT_MEMORY = new TpmRc(RC_WARN + 0x002);
    public static final TpmRc SESSION_MEMORY = new TpmRc(RC_WARN + 0x003);
    public static final TpmRc MEMORY = new TpmRc(RC_WARN + 0x004);
    public static final TpmRc SESSION_HANDLES = new TpmRc(RC_WARN + 0x005);
    public static final TpmRc OBJECT_HANDLES = new TpmRc(RC_WARN + 0x006);
    public static final TpmRc LOCALITY = new TpmRc(RC_WARN + 0x007);
    public static final TpmRc YIELDED = new TpmRc(RC_WARN + 0x008);
    public static final TpmRc CANCELED = new TpmRc(RC_WARN + 0x009);
    public static final TpmRc TESTING = new TpmRc(RC_WARN + 0x00A);
    public static final TpmRc REFERENCE_H0 = new TpmRc(RC_WARN + 0x010);
    public static final TpmRc REFERENCE_H1 = new TpmRc(RC_WARN + 0x011);
    public static final TpmRc REFERENCE_H2 = new TpmRc(RC_WARN + 0x012);
    public static final TpmRc REFERENCE_H3 = new TpmRc(RC_WARN + 0x013);
    public static final TpmRc REFERENCE_H4 = new TpmRc(RC_WARN + 0x014);
    public static final TpmRc REFERENCE_H5 = new TpmRc(RC_WARN + 0x015);
    public static final TpmRc REFERENCE_H6 = new TpmRc(RC_WARN + 0x016);
    public static final TpmRc REFERENCE_S0 = new TpmRc(RC_WARN + 0x018);
    public static final TpmRc REFERENCE_S1 = new TpmRc(RC_WARN + 0x019);
    public static final TpmRc REFERENCE_S2 = new TpmRc(RC_WARN + 0x01A);
    public static final TpmRc REFERENCE_S3 = new TpmRc(RC_WARN + 0x01B);
    public static final TpmRc REFERENCE_S4 = new TpmRc(RC_WARN + 0x01C);
    public static final TpmRc REFERENCE_S5 = new TpmRc(RC_WARN + 0x01D);
    public static final TpmRc REFERENCE_S6 = new TpmRc(RC_WARN + 0x01E);
    public static final TpmRc NV_RATE = new TpmRc(RC_WARN + 0x020);
    public static final TpmRc LOCKOUT = new TpmRc(RC_WARN + 0x021);
    public static final TpmRc RETRY = new TpmRc(RC_WARN + 0x022);
    public static final TpmRc NV_UNAVAILABLE = new TpmRc(RC_WARN + 0x023);
    public static final TpmRc NOT_USED = new TpmRc(RC_WARN + 0x07F);

    private static final Map<Integer, String> NAMES = ConstantNames.scan(TpmRc.class, "TPM_RC_", TpmRc::value);

    /** True when the code is in format 1: it may carry a parameter, handle or session number. */
    public boolean isFormat1() {
        return isTpmLayer() && (value & RC_FMT1) != 0;
    }

    /** True for a format-0 warning (the TPM did not execute the command and a retry may succeed). */
    public boolean isWarning() {
        return isTpmLayer() && !isFormat1() && (value & RC_WARN) == RC_WARN;
    }

    public boolean isSuccess() {
        return value == 0;
    }

    /** The code without its parameter, handle or session number. */
    public TpmRc base() {
        return isFormat1() ? new TpmRc(RC_FMT1 | (value & FMT1_ERROR_MASK)) : this;
    }

    /** The parameter number (1..15) a format-1 code names, or 0. */
    public int parameter() {
        return isFormat1() && (value & FMT1_P) != 0 ? number() : 0;
    }

    /** The handle number (1..7) a format-1 code names, or 0. */
    public int handle() {
        return isFormat1() && (value & FMT1_P) == 0 && (value & FMT1_S) == 0 ? number() : 0;
    }

    /** The session number (1..7) a format-1 code names, or 0. */
    public int session() {
        return isFormat1() && (value & FMT1_P) == 0 && (value & FMT1_S) != 0 ? number() & 0x7 : 0;
    }

    /**
     * This code naming parameter {@code n}. Format-0 codes and codes that already name a
     * position are returned unchanged, so the innermost position found while unmarshalling wins.
     */
    public TpmRc withParameter(int n) {
        checkRange(n, 15);
        return isNumberable() ? new TpmRc(value | FMT1_P | (n << FMT1_NUMBER_SHIFT)) : this;
    }

    public TpmRc withHandle(int n) {
        checkRange(n, 7);
        return isNumberable() ? new TpmRc(value | (n << FMT1_NUMBER_SHIFT)) : this;
    }

    public TpmRc withSession(int n) {
        checkRange(n, 7);
        return isNumberable() ? new TpmRc(value | FMT1_S | (n << FMT1_NUMBER_SHIFT)) : this;
    }

    /** The specification's name of the base code, e.g. {@code TPM_RC_SIZE}. */
    public String name() {
        String name = NAMES.get(base().value);
        return name != null ? name : String.format("TPM_RC_0x%X", base().value);
    }

    /** E.g. {@code TPM_RC_VALUE (parameter 2)} or {@code TPM_RC_AUTH_FAIL (session 1)}. */
    @Override
    public String toString() {
        if (parameter() != 0) {
            return name() + " (parameter " + parameter() + ")";
        }
        if (handle() != 0) {
            return name() + " (handle " + handle() + ")";
        }
        if (session() != 0) {
            return name() + " (session " + session() + ")";
        }
        return name();
    }

    private boolean isTpmLayer() {
        return (value & 0xFFFF_F000) == 0;
    }

    private boolean isNumberable() {
        return isFormat1() && number() == 0;
    }

    private int number() {
        return (value >>> FMT1_NUMBER_SHIFT) & 0xF;
    }

    private static void checkRange(int n, int max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException("position " + n + " outside 1.." + max);
        }
    }
}
