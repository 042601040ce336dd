package org.vtpm.tpm.wire;

/**
 * Strict big-endian reader over a byte range. Every read is checked against the bytes left and
 * fails with {@code TPM_RC_INSUFFICIENT}; nothing is allocated before its length is checked.
 */
public final class TpmReader {

    private final byte[] buffer;
    private int position;
    private final int limit;

    public TpmReader(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    public TpmReader(byte[] buffer, int offset, int length) {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " of " + buffer.length);
        }
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    public int remaining() {
        return limit - position;
    }

    /** Offset of the next byte in the underlying array. */
    public int position() {
        return position;
    }

    public int readU8() throws TpmFormatException {
        require(1);
        return buffer[position++] & 0xFF;
    }

    public int readU16() throws TpmFormatException {
        require(2);
        int v = (buffer[position] & 0xFF) << 8 | (buffer[position + 1] & 0xFF);
        position += 2;
        return v;
    }

    /** A UINT32 as the Java int with the same bits. */
    public int readU32() throws TpmFormatException {
        require(4);
        int v = (buffer[position] & 0xFF) << 24 | (buffer[position + 1] & 0xFF) << 16
                | (buffer[position + 2] & 0xFF) << 8 | (buffer[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    /** A UINT64 as the Java long with the same bits. */
    public long readU64() throws TpmFormatException {
        long high = readU32() & 0xFFFF_FFFFL;
        return high << 32 | (readU32() & 0xFFFF_FFFFL);
    }

    public byte[] readBytes(int length) throws TpmFormatException {
        require(length);
        byte[] out = new byte[length];
        System.arraycopy(buffer, position, out, 0, length);
        position += length;
        return out;
    }

    /**
     * Splits off the next {@code length} bytes as their own reader and skips them here, so a
     * sized structure cannot read past its declared size.
     */
    public TpmReader slice(int length) throws TpmFormatException {
        require(length);
        TpmReader slice = new TpmReader(buffer, position, length);
        position += length;
        return slice;
    }

    /** A copy of the bytes from {@code start} (an earlier {@link #position()}) to here. */
    public byte[] copyFrom(int start) {
        if (start < 0 || start > position) {
            throw new IndexOutOfBoundsException("start " + start + " after position " + position);
        }
        byte[] out = new byte[position - start];
        System.arraycopy(buffer, start, out, 0, out.length);
        return out;
    }

    /** Fails with {@code TPM_RC_SIZE} when bytes are left over after a complete structure. */
    public void requireEnd() throws TpmFormatException {
        if (position != limit) {
            throw new TpmFormatException(TpmRc.SIZE, (limit - position) + " unexpected trailing bytes");
        }
    }

    private void require(int length) throws TpmFormatException {
        if (length < 0 || length > limit - position) {
            throw new TpmFormatException(TpmRc.INSUFFICIENT,
                    "need " + Integer.toUnsignedString(length) + " bytes, " + (limit - position) + " left");
        }
    }
}
