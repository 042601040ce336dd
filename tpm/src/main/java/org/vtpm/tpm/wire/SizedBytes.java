package org.vtpm.tpm.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Base of the TPM2B_ types that hold bytes (TPM2B_DIGEST, TPM2B_DATA ...). Each subclass is
 * annotated with {@link SizedBuffer} for its limits and has a public constructor taking
 * {@code byte[]}; the bytes are copied and compared by content.
 */
public abstract class SizedBytes {

    private static final ClassValue<SizedBuffer> LIMITS = new ClassValue<>() {
        @Override
        protected SizedBuffer computeValue(Class<?> type) {
            SizedBuffer limits = type.getAnnotation(SizedBuffer.class);
            if (limits == null) {
                throw new IllegalStateException(type + " lacks @SizedBuffer");
            }
            return limits;
        }
    };

    private final byte[] buffer;

    protected SizedBytes(byte[] buffer) {
        SizedBuffer limits = LIMITS.get(getClass());
        if (buffer.length > limits.max() || buffer.length < limits.min()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " of " + buffer.length
                    + " bytes outside " + limits.min() + ".." + limits.max());
        }
        this.buffer = buffer.clone();
    }

    /** A copy of the contents (without the size field). */
    public final byte[] buffer() {
        return buffer.clone();
    }

    public final int size() {
        return buffer.length;
    }

    public final boolean isEmpty() {
        return buffer.length == 0;
    }

    final byte[] internal() {
        return buffer;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(buffer, ((SizedBytes) o).buffer);
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode() * 31 + Arrays.hashCode(buffer);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + HexFormat.of().formatHex(buffer) + "]";
    }
}
