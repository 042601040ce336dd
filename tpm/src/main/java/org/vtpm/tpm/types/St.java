package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_ST: a structure tag (Part 2, 6.9).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record St(@Uint(16) int value) implements TpmValue {

    public static final St RSP_COMMAND = new St(0x00C4);
    public static final St NULL = new St(0x8000);
    public static final St NO_SESSIONS = new St(0x8001);
    public static final St SESSIONS = new St(0x8002);
    public static final St ATTEST_NV = new St(0x8014);
    public static final St ATTEST_COMMAND_AUDIT = new St(0x8015);
    public static final St ATTEST_SESSION_AUDIT = new St(0x8016);
    public static final St ATTEST_CERTIFY = new St(0x8017);
    public static final St ATTEST_QUOTE = new St(0x8018);
    public static final St ATTEST_TIME = new St(0x8019);
    public static final St ATTEST_CREATION = new St(0x801A);
    public static final St ATTEST_NV_DIGEST = new St(0x801C);
    public static final St CREATION = new St(0x8021);
    public static final St VERIFIED = new St(0x8022);
    public static final St AUTH_SECRET = new St(0x8023);
    public static final St HASHCHECK = new St(0x8024);
    public static final St AUTH_SIGNED = new St(0x8025);
    public static final St FU_MANIFEST = new St(0x8029);

    private static final TypeNames NAMES = TypeNames.scan("TPM_ST", St.class, "TPM_ST_");

    public St {
        TypeNames.checkWidth("TPM_ST", value, 16);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
