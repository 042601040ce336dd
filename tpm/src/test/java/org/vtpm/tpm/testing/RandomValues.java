package org.vtpm.tpm.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.EccCurve;
import org.vtpm.tpm.types.Eo;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Se;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.AllowEmpty;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Count;
import org.vtpm.tpm.wire.DigestOf;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;
import org.vtpm.tpm.wire.ReservedBits;
import org.vtpm.tpm.wire.Selector;
import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;
import org.vtpm.tpm.wire.Union;
import org.vtpm.tpm.wire.ValueCheck;

/**
 * Builds random but valid values of any marshallable record, by reading the same declarations the
 * codecs read: checks pick accepted values, selectors pick values that have arms, sizes stay
 * within their limits. Independent of the codecs' code, so round trips test them.
 */
public final class RandomValues {

    private static final int[] SAMPLE_HANDLES = {0x0000_0000, 0x0000_0010, 0x0000_0017, 0x0100_0001, 0x01C0_0002,
        0x0200_0000, 0x0200_0003, 0x0300_0001, 0x8000_0000, 0x8000_0001, 0x8000_0002, 0x80FF_FFFF, 0x8100_0001,
        0x8180_0000, 0x4000_0001, 0x4000_0007, 0x4000_0009, 0x4000_000A, 0x4000_000B, 0x4000_000C, 0x4000_000D,
        0x4000_0010};

    private final Random random;

    public RandomValues(long seed) {
        this.random = new Random(seed);
    }

    public <T> T next(Class<T> type) {
        return type.cast(value(type, null, null, false, null));
    }

    private Object value(Class<?> type, RecordComponent rc, Object selector, boolean plus, Object[] earlier) {
        if (type == int.class) {
            Uint uint = rc == null ? null : rc.getAnnotation(Uint.class);
            int bits = uint == null ? 32 : uint.value();
            return bits == 32 ? random.nextInt() : random.nextInt(1 << bits);
        }
        if (type == long.class) {
            return random.nextLong();
        }
        if (type == boolean.class) {
            return random.nextBoolean();
        }
        if (type == Bytes.class) {
            int alg = ((TpmValue) selector).value();
            int size = alg == AlgId.NULL.value() ? 0 : HashAlgorithm.fromAlgId(alg).orElseThrow().digestSize();
            return Bytes.of(bytes(size));
        }
        if (SizedBytes.class.isAssignableFrom(type)) {
            SizedBuffer limits = type.getAnnotation(SizedBuffer.class);
            int size = limits.min() + random.nextInt(Math.min(limits.max(), 40) - limits.min() + 1);
            return construct(type, new Class<?>[] {byte[].class}, bytes(size));
        }
        if (type == Tpm2b.class) {
            Class<?> inner = (Class<?>) ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
            if (rc.isAnnotationPresent(AllowEmpty.class) && random.nextInt(4) == 0) {
                return Tpm2b.empty();
            }
            return Tpm2b.of(value(inner, null, null, rc.isAnnotationPresent(Plus.class), null));
        }
        if (type == List.class) {
            Class<?> element = (Class<?>) ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
            int size = random.nextInt(Math.min(rc.getAnnotation(Count.class).max(), 3) + 1);
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                list.add(value(element, null, null, false, null));
            }
            return list;
        }
        if (type.isInterface()) {
            Union<?> union = unionOf(type);
            Class<?> arm = union.arm(((TpmValue) selector).value()).orElseThrow();
            return value(arm, null, null, plus, null);
        }
        return record(type, plus);
    }

    private Object record(Class<?> type, boolean plus) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            Selector selector = rc.getAnnotation(Selector.class);
            DigestOf digestOf = rc.getAnnotation(DigestOf.class);
            String selectorName = selector != null ? selector.value() : digestOf != null ? digestOf.value() : null;
            Object selectorValue = selectorName == null ? null : values[indexOf(components, selectorName)];
            boolean childPlus = rc.isAnnotationPresent(Plus.class);
            if (isSelectorOfLater(components, i) || rc.isAnnotationPresent(Check.class)) {
                values[i] = constrained(components, i, plus);
            } else {
                values[i] = value(rc.getType(), rc, selectorValue, childPlus, values);
            }
        }
        Object record = construct(type, types(components), values);
        ReservedBits reserved = type.getAnnotation(ReservedBits.class);
        if (reserved != null) {
            int v = ((TpmValue) record).value() & ~reserved.value();
            record = construct(type, types(components), v);
        }
        return record;
    }

    /** A value for a checked component or a selector: drawn from candidates all constraints accept. */
    private Object constrained(RecordComponent[] components, int index, boolean plus) {
        RecordComponent rc = components[index];
        List<Integer> candidates = new ArrayList<>();
        for (int v : candidates(rc.getType())) {
            if (accepted(components, index, v, plus)) {
                candidates.add(v);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no valid value for " + rc);
        }
        int v = candidates.get(random.nextInt(candidates.size()));
        return rc.getType() == int.class ? (Object) v : construct(rc.getType(), new Class<?>[] {int.class}, v);
    }

    private boolean accepted(RecordComponent[] components, int index, int v, boolean plus) {
        RecordComponent rc = components[index];
        Check check = rc.getAnnotation(Check.class);
        if (check != null) {
            ValueCheck c = (ValueCheck) construct(check.value(), new Class<?>[0]);
            boolean nullOk = check.nullValue() == NullValue.ACCEPTED
                    || (check.nullValue() == NullValue.IF_PLUS && plus);
            if (!c.accepts(v) && !(nullOk && v == c.nullValue())) {
                return false;
            }
        }
        for (int j = index + 1; j < components.length; j++) {
            Selector s = components[j].getAnnotation(Selector.class);
            if (s != null && s.value().equals(rc.getName()) && unionOf(components[j].getType()).arm(v).isEmpty()) {
                return false;
            }
            DigestOf d = components[j].getAnnotation(DigestOf.class);
            if (d != null && d.value().equals(rc.getName()) && v != AlgId.NULL.value()
                    && HashAlgorithm.fromAlgId(v).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> candidates(Class<?> type) {
        List<Integer> values = new ArrayList<>();
        if (type == Handle.class) {
            for (int h : SAMPLE_HANDLES) {
                values.add(h);
            }
            return values;
        }
        for (Class<?> c : new Class<?>[] {AlgId.class, EccCurve.class, St.class, Cap.class, Cc.class, Su.class,
            Se.class, Eo.class}) {
            if (type == c) {
                values.addAll(constants(c));
                return values;
            }
        }
        if (type == int.class) {
            values.addAll(List.of(0, 1, 1024, 2048, 3072, 4096));
            return values;
        }
        throw new IllegalStateException("no candidates for " + type);
    }

    private static List<Integer> constants(Class<?> type) {
        List<Integer> values = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                try {
                    values.add(((TpmValue) f.get(null)).value());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static boolean isSelectorOfLater(RecordComponent[] components, int index) {
        for (int j = index + 1; j < components.length; j++) {
            Selector s = components[j].getAnnotation(Selector.class);
            DigestOf d = components[j].getAnnotation(DigestOf.class);
            String name = components[index].getName();
            if ((s != null && s.value().equals(name)) || (d != null && d.value().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(name);
    }

    private static Class<?>[] types(RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        return types;
    }

    private static Union<?> unionOf(Class<?> type) {
        try {
            return (Union<?>) type.getField("UNION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }

    private static Object construct(Class<?> type, Class<?>[] parameterTypes, Object... args) {
        try {
            var ctor = type.getDeclaredConstructor(parameterTypes);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + ": " + e, e);
        }
    }
}
