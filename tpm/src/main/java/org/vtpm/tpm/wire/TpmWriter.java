package org.vtpm.tpm.wire;

import java.util.Arrays;

/** Big-endian writer into a growing buffer, with back-patching for size fields written first. */
public final class TpmWriter {

    private byte[] buffer;
    private int size;

    public TpmWriter() {
        this(256);
    }

    public TpmWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public TpmWriter writeU8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public TpmWriter writeU16(int value) {
        ensure(2);
        buffer[size] = (byte) (value >>> 8);
        buffer[size + 1] = (byte) value;
        size += 2;
        return this;
    }

    public TpmWriter writeU32(int value) {
        ensure(4);
        putU32(size, value);
        size += 4;
        return this;
    }

    public TpmWriter writeU64(long value) {
        writeU32((int) (value >>> 32));
        return writeU32((int) value);
    }

    public TpmWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public TpmWriter writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** Overwrites two bytes written earlier at {@code offset}. */
    public void patchU16(int offset, int value) {
        checkPatch(offset, 2);
        buffer[offset] = (byte) (value >>> 8);
        buffer[offset + 1] = (byte) value;
    }

    /** Overwrites four bytes written earlier at {@code offset}. */
    public void patchU32(int offset, int value) {
        checkPatch(offset, 4);
        putU32(offset, value);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** A copy of the bytes written from {@code offset} on. */
    public byte[] copyFrom(int offset) {
        checkPatch(offset, 0);
        return Arrays.copyOfRange(buffer, offset, size);
    }

    private void putU32(int offset, int value) {
        buffer[offset] = (byte) (value >>> 24);
        buffer[offset + 1] = (byte) (value >>> 16);
        buffer[offset + 2] = (byte) (value >>> 8);
        buffer[offset + 3] = (byte) value;
    }

    private void checkPatch(int offset, int length) {
        if (offset < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("offset " + offset + " of " + size);
        }
    }

    private void ensure(int more) {
        if (buffer.length - size < more) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
