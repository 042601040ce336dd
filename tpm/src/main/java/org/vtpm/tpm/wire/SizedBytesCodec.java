package org.vtpm.tpm.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** A TPM2B_ of bytes: a size field, then that many bytes, within the type's limits. */
final class SizedBytesCodec<T extends SizedBytes> implements Codec<T> {

    private final Class<T> type;
    private final SizedBuffer limits;
    private final TpmRc sizeError;
    private final MethodHandle constructor;

    SizedBytesCodec(Class<T> type) {
        this.type = type;
        this.limits = type.getAnnotation(SizedBuffer.class);
        if (limits == null || (limits.sizeBits() != 8 && limits.sizeBits() != 16)) {
            throw new IllegalArgumentException(type + " needs @SizedBuffer with an 8- or 16-bit size");
        }
        this.sizeError = limits.sizeBits() == 8 ? TpmRc.VALUE : TpmRc.SIZE;
        try {
            var ctor = type.getDeclaredConstructor(byte[].class);
            ctor.setAccessible(true);
            this.constructor = MethodHandles.lookup().unreflectConstructor(ctor)
                    .asType(MethodType.methodType(SizedBytes.class, byte[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + " needs a constructor taking byte[]", e);
        }
    }

    @Override
    public void write(TpmWriter out, T value) {
        byte[] bytes = value.internal();
        if (limits.sizeBits() == 8) {
            out.writeU8(bytes.length);
        } else {
            out.writeU16(bytes.length);
        }
        out.writeBytes(bytes);
    }

    @Override
    public T read(TpmReader in, boolean plus) throws TpmFormatException {
        int size = limits.sizeBits() == 8 ? in.readU8() : in.readU16();
        if (size > limits.max() || size < limits.min()) {
            throw new TpmFormatException(sizeError, type.getSimpleName() + " size " + size
                    + " outside " + limits.min() + ".." + limits.max());
        }
        byte[] bytes = in.readBytes(size);
        try {
            return type.cast((SizedBytes) constructor.invokeExact(bytes));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
