package org.vtpm.tpm.wire;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The codec of each marshallable type, built on first use and cached: records (TPMS_, TPMT_,
 * TPML_ and constant types) by {@link RecordCodec}, TPM2B_ byte buffers by their
 * {@link SizedBuffer} limits. Building inspects the type once; marshalling then runs through
 * method handles with no per-call reflection.
 */
public final class Codecs {

    private static final Map<Class<?>, Codec<?>> CACHE = new ConcurrentHashMap<>();

    private Codecs() {
    }

    @SuppressWarnings("unchecked")
    public static <T> Codec<T> of(Class<T> type) {
        Codec<?> codec = CACHE.get(type);
        if (codec == null) {
            // Built outside the map: building a record's codec builds its components' codecs.
            codec = build(type);
            Codec<?> raced = CACHE.putIfAbsent(type, codec);
            if (raced != null) {
                codec = raced;
            }
        }
        return (Codec<T>) codec;
    }

    /** The codec of a record, with access to its components one by one (for command framing). */
    public static <T extends Record> RecordCodec<T> record(Class<T> type) {
        return (RecordCodec<T>) of(type);
    }

    /** Marshals a value of any marshallable type. */
    @SuppressWarnings("unchecked")
    public static byte[] marshal(Object value) {
        TpmWriter out = new TpmWriter();
        ((Codec<Object>) of(value.getClass())).write(out, value);
        return out.toByteArray();
    }

    /** Unmarshals exactly the whole of {@code bytes} as one {@code type}. */
    public static <T> T unmarshal(Class<T> type, byte[] bytes) throws TpmFormatException {
        TpmReader in = new TpmReader(bytes);
        T value = of(type).read(in, false);
        in.requireEnd();
        return value;
    }

    private static Codec<?> build(Class<?> type) {
        if (SizedBytes.class.isAssignableFrom(type)) {
            return new SizedBytesCodec<>(type.asSubclass(SizedBytes.class));
        }
        if (type.isRecord()) {
            return new RecordCodec<>(type.asSubclass(Record.class));
        }
        throw new IllegalArgumentException(type + " is neither a record nor a SizedBytes type");
    }
}
