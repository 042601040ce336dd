package org.vtpm.manager.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The canonical encoding of what a blob is bound to: the format byte, a purpose label, then each
 * field length-prefixed, so that no two different tuples encode alike ("ab","c" differs from
 * "a","bc") and a blob of one purpose never authenticates as another's.
 */
final class AssociatedData {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private AssociatedData(int format, String purpose) {
        out.write(format);
        text(purpose);
    }

    static AssociatedData of(int format, String purpose) {
        return new AssociatedData(format, purpose);
    }

    AssociatedData text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        u32(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    AssociatedData bytes(byte[] value) {
        u32(value.length);
        out.writeBytes(value);
        return this;
    }

    AssociatedData u64(long value) {
        u32((int) (value >>> 32));
        u32((int) value);
        return this;
    }

    private void u32(int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
