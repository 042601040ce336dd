package org.vtpm.tpm.eventlog;

import java.util.Arrays;

/**
 * A cursor over little-endian log bytes. Every read is checked against the bytes left, so a
 * hostile size can neither read past the end nor make the reader allocate more than the input
 * holds.
 */
final class LogReader {

    private final byte[] buffer;
    private final int end;
    private final long baseOffset;
    private int position;

    /** Reads {@code buffer}; offsets in errors are {@code baseOffset} plus the position. */
    LogReader(byte[] buffer, long baseOffset) {
        this(buffer, 0, buffer.length, baseOffset);
    }

    private LogReader(byte[] buffer, int start, int end, long baseOffset) {
        this.buffer = buffer;
        this.position = start;
        this.end = end;
        this.baseOffset = baseOffset - start;
    }

    int remaining() {
        return end - position;
    }

    boolean hasRemaining() {
        return position < end;
    }

    /** The offset of the next byte, counted from the start of the log. */
    long offset() {
        return baseOffset + position;
    }

    int u8(String field) throws LogFormatException {
        require(1, field);
        return buffer[position++] & 0xFF;
    }

    int u16(String field) throws LogFormatException {
        require(2, field);
        int value = (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    /** A {@code UINT32} as Java's int: values of 2^31 and above come back negative. */
    int u32(String field) throws LogFormatException {
        require(4, field);
        int value = (buffer[position] & 0xFF)
                | (buffer[position + 1] & 0xFF) << 8
                | (buffer[position + 2] & 0xFF) << 16
                | (buffer[position + 3] & 0xFF) << 24;
        position += 4;
        return value;
    }

    /** A {@code UINT64}; callers that use it as a size compare it unsigned. */
    long u64(String field) throws LogFormatException {
        long low = u32(field) & 0xFFFFFFFFL;
        long high = u32(field) & 0xFFFFFFFFL;
        return high << 32 | low;
    }

    byte[] bytes(long count, String field) throws LogFormatException {
        int length = checkedLength(count, field);
        byte[] out = Arrays.copyOfRange(buffer, position, position + length);
        position += length;
        return out;
    }

    /** A reader over the next {@code count} bytes, which this reader skips. */
    LogReader slice(long count, String field) throws LogFormatException {
        int length = checkedLength(count, field);
        LogReader slice = new LogReader(buffer, position, position + length, baseOffset + position);
        position += length;
        return slice;
    }

    private int checkedLength(long count, String field) throws LogFormatException {
        if (count < 0 || count > remaining()) {
            throw new LogFormatException(Problem.Kind.TRUNCATED, offset(),
                    field + " needs " + Long.toUnsignedString(count) + " bytes but " + remaining() + " are left");
        }
        return (int) count;
    }

    private void require(int count, String field) throws LogFormatException {
        if (remaining() < count) {
            throw new LogFormatException(Problem.Kind.TRUNCATED, offset(),
                    field + " needs " + count + " bytes but " + remaining() + " are left");
        }
    }
}
