package org.vtpm.tpm.engine;

import java.util.HexFormat;

/** Command buffers written as hex in the tests, and the fields of response buffers. */
final class Bytes {

    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {
    }

    /** A command from hex (spaces allowed) with its commandSize field set to its length. */
    static byte[] command(String hex) {
        byte[] b = HEX.parseHex(hex.replace(" ", ""));
        b[2] = (byte) (b.length >>> 24);
        b[3] = (byte) (b.length >>> 16);
        b[4] = (byte) (b.length >>> 8);
        b[5] = (byte) b.length;
        return b;
    }

    /** Hex exactly as written: for commands whose size field is part of the test. */
    static byte[] raw(String hex) {
        return HEX.parseHex(hex.replace(" ", ""));
    }

    static int responseCode(byte[] response) {
        return u32(response, 6);
    }

    static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
