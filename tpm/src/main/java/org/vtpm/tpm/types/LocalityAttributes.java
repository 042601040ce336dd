package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Uint;

/**
 * TPMA_LOCALITY: a set of localities 0..4, or one extended locality 32..255 (Part 2, 8.5).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record LocalityAttributes(@Uint(8) int value) implements AttributeSet<LocalityAttributes> {

    public static final LocalityAttributes NONE = new LocalityAttributes(0);
    public static final LocalityAttributes LOC_ZERO = new LocalityAttributes(1 << 0);
    public static final LocalityAttributes LOC_ONE = new LocalityAttributes(1 << 1);
    public static final LocalityAttributes LOC_TWO = new LocalityAttributes(1 << 2);
    public static final LocalityAttributes LOC_THREE = new LocalityAttributes(1 << 3);
    public static final LocalityAttributes LOC_FOUR = new LocalityAttributes(1 << 4);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_LOCALITY", LocalityAttributes.class, "");

    public LocalityAttributes {
        TypeNames.checkWidth("TPMA_LOCALITY", value, 8);
    }

    public static LocalityAttributes of(LocalityAttributes... bits) {
        return new LocalityAttributes(AttributeSet.union(bits));
    }

    @Override
    public LocalityAttributes withValue(int value) {
        return new LocalityAttributes(value);
    }

    /** The extended-locality bits 5..7; non-zero means the whole octet names locality 32..255. */
    public int extended() {
        return value >>> 5;
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
