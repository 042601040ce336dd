package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/** The few field encodings the state sections share: length-prefixed byte strings and booleans. */
public final class StateFields {

    private StateFields() {
    }

    public static void writeBytes(TpmWriter out, byte[] bytes) {
        out.writeU16(bytes.length).writeBytes(bytes);
    }

    /** A length-prefixed byte string of at most {@code max} bytes. */
    public static byte[] readBytes(TpmReader in, int max) throws TpmFormatException {
        int length = in.readU16();
        if (length > max) {
            throw new TpmFormatException(TpmRc.SIZE, length + " bytes where at most " + max + " fit");
        }
        return in.readBytes(length);
    }

    /** A byte string of exactly {@code length} bytes (with its prefix). */
    public static byte[] readBytesExactly(TpmReader in, int length) throws TpmFormatException {
        byte[] bytes = readBytes(in, length);
        if (bytes.length != length) {
            throw new TpmFormatException(TpmRc.SIZE, bytes.length + " bytes where " + length + " belong");
        }
        return bytes;
    }

    public static void writeBoolean(TpmWriter out, boolean value) {
        out.writeU8(value ? 1 : 0);
    }

    public static boolean readBoolean(TpmReader in) throws TpmFormatException {
        int value = in.readU8();
        if (value > 1) {
            throw new TpmFormatException(TpmRc.VALUE, "boolean " + value);
        }
        return value == 1;
    }
}
