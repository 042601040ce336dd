package org.vtpm.tpm.eventlog;

import java.util.Arrays;

import org.bouncycastle.util.encoders.Hex;

/**
 * An immutable byte string: event data, digests and other byte fields of a log, safe to share and
 * to compare by content.
 */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0]);

    private final byte[] value;

    private Bytes(byte[] value) {
        this.value = value;
    }

    /** A copy of {@code value}; later changes to the array do not show through. */
    public static Bytes of(byte[] value) {
        return value.length == 0 ? EMPTY : new Bytes(value.clone());
    }

    /**
     * Bytes from hexadecimal text such as a reference PCR value in a policy.
     *
     * @throws RuntimeException (Bouncy Castle's {@code DecoderException}) when {@code hex} is not
     *     an even number of hexadecimal digits
     */
    public static Bytes fromHex(String hex) {
        return new Bytes(Hex.decodeStrict(hex));
    }

    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    public int length() {
        return value.length;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public byte get(int index) {
        return value[index];
    }

    public byte[] toByteArray() {
        return value.clone();
    }

    /** Lower-case hexadecimal, two digits per byte. */
    public String hex() {
        return Hex.toHexString(value);
    }

    /** Whether every byte is zero (true for the empty string). */
    public boolean isAllZero() {
        for (byte b : value) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    byte[] unsafeArray() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return hex();
    }
}
