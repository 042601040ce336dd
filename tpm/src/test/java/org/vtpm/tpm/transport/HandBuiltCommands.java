package org.vtpm.tpm.transport;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * TPM 2.0 commands written out byte by byte, so transport tests depend on nothing but the spec.
 * Session areas use the password session TPM_RS_PW with an empty password.
 */
public final class HandBuiltCommands {

    public static final int TPM_ST_NO_SESSIONS = 0x8001;
    public static final int TPM_RC_SUCCESS = 0x000;
    public static final int TPM_RC_INITIALIZE = 0x100;
    public static final int NV_INDEX = 0x01500000;

    private static final HexFormat HEX = HexFormat.of();

    private HandBuiltCommands() {
    }

    /** TPM2_GetRandom(bytesRequested = 8). */
    public static byte[] getRandom8() {
        return HEX.parseHex("80010000000c0000017b0008");
    }

    /** TPM2_Startup(TPM_SU_CLEAR). */
    public static byte[] startupClear() {
        return HEX.parseHex("80010000000c000001440000");
    }

    /** TPM2_PCR_Read of one SHA-256 PCR. */
    public static byte[] pcrReadSha256(int pcr) {
        byte[] select = new byte[3];
        select[pcr / 8] = (byte) (1 << (pcr % 8));
        return ByteBuffer.allocate(20)
                .putShort((short) TPM_ST_NO_SESSIONS).putInt(20).putInt(0x17E)
                .putInt(1).putShort((short) 0x000B).put((byte) 3).put(select)
                .array();
    }

    /** The digest a TPM2_PCR_Read of one SHA-256 PCR returned: the last 32 bytes. */
    public static byte[] pcrDigest(byte[] response) {
        byte[] digest = new byte[32];
        System.arraycopy(response, response.length - 32, digest, 0, 32);
        return digest;
    }

    /** TPM2_PCR_Extend of one SHA-256 digest into {@code pcr}. */
    public static byte[] pcrExtendSha256(int pcr, byte[] digest) {
        return ByteBuffer.allocate(65)
                .putShort((short) 0x8002).putInt(65).putInt(0x182)
                .putInt(pcr)
                .putInt(9).put(passwordSession())
                .putInt(1).putShort((short) 0x000B).put(digest)
                .array();
    }

    /** TPM2_NV_DefineSpace under the owner: {@link #NV_INDEX}, SHA-256 name, OWNERWRITE|OWNERREAD, 8 bytes. */
    public static byte[] nvDefineSpace() {
        return ByteBuffer.allocate(45)
                .putShort((short) 0x8002).putInt(45).putInt(0x12A)
                .putInt(0x40000001)
                .putInt(9).put(passwordSession())
                .putShort((short) 0)
                .putShort((short) 14).putInt(NV_INDEX).putShort((short) 0x000B).putInt(0x00020002)
                .putShort((short) 0).putShort((short) 8)
                .array();
    }

    /** TPM2_NV_Write of 8 bytes at offset 0 of {@link #NV_INDEX}, authorized by the owner. */
    public static byte[] nvWrite(byte[] eightBytes) {
        return ByteBuffer.allocate(43)
                .putShort((short) 0x8002).putInt(43).putInt(0x137)
                .putInt(0x40000001).putInt(NV_INDEX)
                .putInt(9).put(passwordSession())
                .putShort((short) 8).put(eightBytes).putShort((short) 0)
                .array();
    }

    /** TPM2_NV_Read of 8 bytes at offset 0 of {@link #NV_INDEX}, authorized by the owner. */
    public static byte[] nvRead() {
        return ByteBuffer.allocate(35)
                .putShort((short) 0x8002).putInt(35).putInt(0x14E)
                .putInt(0x40000001).putInt(NV_INDEX)
                .putInt(9).put(passwordSession())
                .putShort((short) 8).putShort((short) 0)
                .array();
    }

    /** The data of a successful TPM2_NV_Read of 8 bytes (after header, parameterSize and the TPM2B size). */
    public static byte[] nvReadData(byte[] response) {
        byte[] data = new byte[8];
        System.arraycopy(response, 16, data, 0, 8);
        return data;
    }

    public static int responseCode(byte[] response) {
        return ByteBuffer.wrap(response, 6, 4).getInt();
    }

    public static int responseSize(byte[] response) {
        return ByteBuffer.wrap(response, 2, 4).getInt();
    }

    public static int tag(byte[] response) {
        return ByteBuffer.wrap(response, 0, 2).getShort() & 0xFFFF;
    }

    /** TPMS_AUTH_COMMAND for TPM_RS_PW: handle, empty nonce, continueSession, empty password. */
    private static byte[] passwordSession() {
        return ByteBuffer.allocate(9).putInt(0x40000009).putShort((short) 0).put((byte) 1).putShort((short) 0)
                .array();
    }
}
