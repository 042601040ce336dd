package org.vtpm.tpm.wire;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.OptionalInt;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * Marshals a record as its components in declaration order, which is the wire order. How each
 * component is encoded follows from its Java type and annotations:
 *
 * <ul>
 * <li>{@code int} with {@link Uint} (8/16/32 bits, 32 by default), {@code long} (UINT64),
 * {@code boolean} (TPMI_YES_NO);</li>
 * <li>a record or {@link SizedBytes} type: its own codec;</li>
 * <li>{@link Tpm2b}{@code <T>}: a sized structure, {@link AllowEmpty} if size 0 is legal;</li>
 * <li>{@code List<T>} with {@link Count}: a TPML count and elements;</li>
 * <li>an interface with {@link Selector}: a union whose arm the named component selects;</li>
 * <li>{@link Bytes} with {@link DigestOf}: a digest sized by the named hash algorithm.</li>
 * </ul>
 *
 * {@link Check} and {@link Plus} add the interface-type checks and the "+" flag.
 */
public final class RecordCodec<T extends Record> implements Codec<T> {

    private final Class<T> type;
    private final Component[] components;
    private final MethodHandle constructor;
    private final int reservedBits;

    RecordCodec(Class<T> type) {
        this.type = type;
        RecordComponent[] recordComponents = type.getRecordComponents();
        this.components = new Component[recordComponents.length];
        Class<?>[] types = new Class<?>[recordComponents.length];
        for (int i = 0; i < recordComponents.length; i++) {
            components[i] = Component.of(type, recordComponents, i, components);
            types[i] = recordComponents[i].getType();
        }
        try {
            var ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            this.constructor = MethodHandles.lookup().unreflectConstructor(ctor)
                    .asSpreader(Object[].class, types.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type + ": canonical constructor not accessible", e);
        }
        ReservedBits reserved = type.getAnnotation(ReservedBits.class);
        if (reserved != null && !TpmValue.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type + ": @ReservedBits needs a TpmValue record");
        }
        this.reservedBits = reserved == null ? 0 : reserved.value();
    }

    public Class<T> type() {
        return type;
    }

    public int componentCount() {
        return components.length;
    }

    public String componentName(int index) {
        return components[index].name;
    }

    /** The component's declared Java type. */
    public Class<?> componentType(int index) {
        return components[index].rawType;
    }

    /** True when the component starts with a UINT16 size: the TPM2B that parameter encryption transforms. */
    public boolean isSized(int index) {
        Class<?> raw = components[index].rawType;
        return raw == Tpm2b.class || (SizedBytes.class.isAssignableFrom(raw)
                && raw.getAnnotation(SizedBuffer.class).sizeBits() == 16);
    }

    @Override
    public void write(TpmWriter out, T value) {
        writeComponents(out, value, 0, components.length);
    }

    /** Writes components {@code from} (inclusive) to {@code to} (exclusive) of {@code value}. */
    public void writeComponents(TpmWriter out, T value, int from, int to) {
        for (int i = from; i < to; i++) {
            components[i].write(out, value);
        }
    }

    @Override
    public T read(TpmReader in, boolean plus) throws TpmFormatException {
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = readComponent(in, i, values, plus);
        }
        return construct(values);
    }

    /**
     * Reads component {@code index}; {@code values} holds the components read before it (a
     * union or digest needs its selector).
     */
    public Object readComponent(TpmReader in, int index, Object[] values, boolean plus) throws TpmFormatException {
        return components[index].read(in, values, plus);
    }

    /** Builds the record from all its component values. */
    public T construct(Object[] values) throws TpmFormatException {
        Object result;
        try {
            result = constructor.invokeExact(values);
        } catch (IllegalArgumentException e) {
            throw new TpmFormatException(TpmRc.VALUE, type.getSimpleName() + ": " + e.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        T record = type.cast(result);
        if (reservedBits != 0 && (((TpmValue) record).value() & reservedBits) != 0) {
            throw new TpmFormatException(TpmRc.RESERVED_BITS, type.getSimpleName() + " 0x"
                    + Integer.toHexString(((TpmValue) record).value()) + " sets reserved bits");
        }
        return record;
    }

    /** One component: how to get it from the record and how to encode it. */
    private static final class Component {
        private static final int ALG_NULL = 0x0010;

        final String name;
        final Class<?> rawType;
        final MethodHandle getter;
        final Codec<Object> codec;
        final boolean plus;
        final int selectorIndex;
        final Union<?> union;
        final boolean digest;
        final ValueCheck check;
        final NullValue nullValue;
        final MethodHandle selectorGetter;

        private Component(RecordComponent rc, MethodHandle getter, Codec<Object> codec, int selectorIndex,
                MethodHandle selectorGetter, Union<?> union, boolean digest, ValueCheck check, NullValue nullValue) {
            this.name = rc.getName();
            this.rawType = rc.getType();
            this.getter = getter;
            this.codec = codec;
            this.plus = rc.isAnnotationPresent(Plus.class);
            this.selectorIndex = selectorIndex;
            this.union = union;
            this.digest = digest;
            this.check = check;
            this.nullValue = nullValue;
            this.selectorGetter = selectorGetter;
        }

        static Component of(Class<?> owner, RecordComponent[] all, int index, Component[] built) {
            RecordComponent rc = all[index];
            String where = owner.getSimpleName() + "." + rc.getName();
            MethodHandle getter;
            try {
                var accessor = rc.getAccessor();
                accessor.setAccessible(true);
                getter = MethodHandles.lookup().unreflect(accessor)
                        .asType(MethodType.methodType(Object.class, Object.class));
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException(where + ": accessor not accessible", e);
            }
            Check checkAnnotation = rc.getAnnotation(Check.class);
            ValueCheck check = checkAnnotation == null ? null : instantiate(checkAnnotation.value(), where);
            NullValue nullValue = checkAnnotation == null ? NullValue.REJECTED : checkAnnotation.nullValue();
            if (check != null && rc.getType() != int.class && !TpmValue.class.isAssignableFrom(rc.getType())) {
                throw new IllegalArgumentException(where + ": @Check needs an int or TpmValue component");
            }
            Selector selector = rc.getAnnotation(Selector.class);
            DigestOf digestOf = rc.getAnnotation(DigestOf.class);
            if (selector != null) {
                int s = selectorIndex(all, index, selector.value(), where);
                return new Component(rc, getter, null, s, built[s].getter, unionOf(rc.getType(), where), false,
                        check, nullValue);
            }
            if (digestOf != null) {
                if (rc.getType() != Bytes.class) {
                    throw new IllegalArgumentException(where + ": @DigestOf needs a Bytes component");
                }
                int s = selectorIndex(all, index, digestOf.value(), where);
                return new Component(rc, getter, null, s, built[s].getter, null, true, check, nullValue);
            }
            return new Component(rc, getter, codecFor(rc, where), -1, null, null, false, check, nullValue);
        }

        @SuppressWarnings("unchecked")
        private static Codec<Object> codecFor(RecordComponent rc, String where) {
            Class<?> raw = rc.getType();
            if (raw == int.class) {
                Uint uint = rc.getAnnotation(Uint.class);
                return (Codec<Object>) (Codec<?>) Primitives.uint(uint == null ? 32 : uint.value(), where);
            }
            if (raw == long.class) {
                return (Codec<Object>) (Codec<?>) Primitives.UINT64;
            }
            if (raw == boolean.class) {
                return (Codec<Object>) (Codec<?>) Primitives.YES_NO;
            }
            if (raw == Tpm2b.class) {
                Class<?> inner = typeArgument(rc.getGenericType(), where);
                return (Codec<Object>) (Codec<?>) new Tpm2bCodec<>(Codecs.of(inner),
                        rc.isAnnotationPresent(AllowEmpty.class));
            }
            if (raw == List.class) {
                Count count = rc.getAnnotation(Count.class);
                if (count == null) {
                    throw new IllegalArgumentException(where + ": a List needs @Count");
                }
                Class<?> element = typeArgument(rc.getGenericType(), where);
                return (Codec<Object>) (Codec<?>) new ListCodec<>(Codecs.of(element), count.max());
            }
            if (raw.isInterface()) {
                throw new IllegalArgumentException(where + ": a union needs @Selector");
            }
            return (Codec<Object>) Codecs.of(raw);
        }

        void write(TpmWriter out, Object record) {
            Object value = get(record);
            if (value == null) {
                throw new NullPointerException(name + " is null; every TPM structure field needs a value");
            }
            if (union != null) {
                int selector = selectorOf(record);
                Class<?> arm = union.arm(selector).orElseThrow(() -> new IllegalArgumentException(
                        name + ": no arm for selector 0x" + Integer.toHexString(selector)));
                if (!arm.isInstance(value)) {
                    throw new IllegalArgumentException(name + ": selector 0x" + Integer.toHexString(selector)
                            + " selects " + arm.getSimpleName() + ", not " + value.getClass().getSimpleName());
                }
                codecOf(value.getClass()).write(out, value);
            } else if (digest) {
                int size = digestSize(selectorOf(record))
                        .orElseThrow(() -> new IllegalArgumentException(name + ": not a hash algorithm"));
                Bytes bytes = (Bytes) value;
                if (bytes.length() != size) {
                    throw new IllegalArgumentException(name + ": digest of " + bytes.length() + " bytes, need " + size);
                }
                bytes.writeTo(out);
            } else {
                codec.write(out, value);
            }
        }

        Object read(TpmReader in, Object[] earlier, boolean plusContext) throws TpmFormatException {
            Object value;
            if (union != null) {
                int selector = intOf(earlier[selectorIndex]);
                Class<?> arm = union.arm(selector).orElseThrow(() -> new TpmFormatException(union.error(),
                        name + ": no arm for selector 0x" + Integer.toHexString(selector)));
                value = codecOf(arm).read(in, plus);
            } else if (digest) {
                int alg = intOf(earlier[selectorIndex]);
                int size = digestSize(alg).orElseThrow(() -> new TpmFormatException(TpmRc.HASH,
                        name + ": 0x" + Integer.toHexString(alg) + " is not a hash algorithm"));
                value = Bytes.wrap(in.readBytes(size));
            } else {
                value = codec.read(in, plus);
            }
            if (check != null) {
                check(intOf(value), plusContext);
            }
            return value;
        }

        private void check(int value, boolean plusContext) throws TpmFormatException {
            boolean nullAllowed = nullValue == NullValue.ACCEPTED || (nullValue == NullValue.IF_PLUS && plusContext);
            if (!check.accepts(value) && !(nullAllowed && value == check.nullValue())) {
                throw new TpmFormatException(check.error(),
                        name + ": 0x" + Integer.toHexString(value) + " not allowed");
            }
        }

        private Object get(Object record) {
            try {
                return getter.invokeExact(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        private int selectorOf(Object record) {
            try {
                return intOf(selectorGetter.invokeExact(record));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        @SuppressWarnings("unchecked")
        private static Codec<Object> codecOf(Class<?> type) {
            return (Codec<Object>) Codecs.of(type);
        }

        private static OptionalInt digestSize(int alg) {
            if (alg == ALG_NULL) {
                return OptionalInt.of(0);
            }
            return HashAlgorithm.fromAlgId(alg).map(h -> OptionalInt.of(h.digestSize()))
                    .orElse(OptionalInt.empty());
        }

        private static int intOf(Object value) {
            if (value instanceof Integer i) {
                return i;
            }
            return ((TpmValue) value).value();
        }

        private static int selectorIndex(RecordComponent[] all, int index, String selector, String where) {
            for (int i = 0; i < index; i++) {
                if (all[i].getName().equals(selector)) {
                    Class<?> t = all[i].getType();
                    if (t != int.class && !TpmValue.class.isAssignableFrom(t)) {
                        throw new IllegalArgumentException(where + ": selector must be int or TpmValue");
                    }
                    return i;
                }
            }
            throw new IllegalArgumentException(where + ": no earlier component " + selector);
        }

        private static Union<?> unionOf(Class<?> type, String where) {
            try {
                Object union = type.getField("UNION").get(null);
                if (union instanceof Union<?> u) {
                    return u;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(where + ": " + type + " has no public UNION field", e);
            }
            throw new IllegalArgumentException(where + ": " + type + ".UNION is not a Union");
        }

        private static Class<?> typeArgument(Type generic, String where) {
            if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            throw new IllegalArgumentException(where + ": needs a concrete type argument");
        }

        private static ValueCheck instantiate(Class<? extends ValueCheck> type, String where) {
            try {
                var ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                return ctor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(where + ": cannot create " + type, e);
            }
        }
    }
}
