package org.vtpm.tpm.wire;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A TPM2B_ that wraps a structure (TPM2B_PUBLIC, TPM2B_ECC_POINT, TPM2B_ATTEST ...): a UINT16
 * size, then the structure in exactly that many bytes.
 *
 * <p>It keeps the exact bytes it was read from, because names, quotes and creation hashes are
 * computed over those bytes, not over a re-encoding.
 */
public final class Tpm2b<T> {

    private static final Tpm2b<?> EMPTY = new Tpm2b<>(null, new byte[0]);

    private final T value;
    private final byte[] encoded;

    private Tpm2b(T value, byte[] encoded) {
        this.value = value;
        this.encoded = encoded;
    }

    public static <T> Tpm2b<T> of(T value) {
        return new Tpm2b<>(Objects.requireNonNull(value, "value"), Codecs.marshal(value));
    }

    @SuppressWarnings("unchecked")
    public static <T> Tpm2b<T> empty() {
        return (Tpm2b<T>) EMPTY;
    }

    static <T> Tpm2b<T> read(T value, byte[] encoded) {
        return new Tpm2b<>(value, encoded);
    }

    /** The structure; fails for an empty buffer. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("empty TPM2B");
        }
        return value;
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    public boolean isEmpty() {
        return value == null;
    }

    /** The marshalled structure, without the size field. */
    public byte[] encoded() {
        return encoded.clone();
    }

    int size() {
        return encoded.length;
    }

    void writeTo(TpmWriter out) {
        out.writeU16(encoded.length);
        out.writeBytes(encoded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tpm2b<?> other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return value == null ? "Tpm2b[]" : "Tpm2b[" + value + "]";
    }
}
