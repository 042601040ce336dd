package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPMA_LOCALITY: a set of localities 0..4, or one extended locality 32..255 (Part 2, 8.5).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record LocalityAttributes(@Uint(8) int value) implements TpmValue {

    public static final LocalityAttributes NONE = new LocalityAttributes(0);
    public static final LocalityAttributes LOC_ZERO = new LocalityAttributes(1 << 0);
    public static final LocalityAttributes LOC_ONE = new LocalityAttributes(1 << 1);
    public static final LocalityAttributes LOC_TWO = new LocalityAttributes(1 << 2);
    public static final LocalityAttributes LOC_THREE = new LocalityAttributes(1 << 3);
    public static final LocalityAttributes LOC_FOUR = new LocalityAttributes(1 << 4);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(LocalityAttributes.class, "", LocalityAttributes::value);

    public LocalityAttributes {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("TPMA_LOCALITY 0x" + Integer.toHexString(value) + " exceeds 8 bits");
        }
    }

    public static LocalityAttributes of(LocalityAttributes... bits) {
        int value = 0;
        for (LocalityAttributes bit : bits) {
            value |= bit.value;
        }
        return new LocalityAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(LocalityAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public LocalityAttributes with(LocalityAttributes bits) {
        return new LocalityAttributes(value | bits.value);
    }

    public LocalityAttributes without(LocalityAttributes bits) {
        return new LocalityAttributes(value & ~bits.value);
    }

    /** The extended-locality bits 5..7; non-zero means the whole octet names locality 32..255. */
    public int extended() {
        return value >>> 5;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_LOCALITY[");
        int rest = value;
        for (int bit = 0; bit < 8; bit++) {
            String name = NAMES.get(1 << bit);
            if ((value & (1 << bit)) != 0 && name != null) {
                s.append(s.charAt(s.length() - 1) == '[' ? "" : "|").append(name);
                rest &= ~(1 << bit);
            }
        }
        if (rest != 0) {
            s.append(s.charAt(s.length() - 1) == '[' ? "" : "|").append("0x").append(Integer.toHexString(rest));
        }
        return s.append(']').toString();
    }
}
