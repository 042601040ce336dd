package org.vtpm.tpm.types;

/**
 * TPMA_ACT: the state of an authenticated countdown timer (Part 2, 8.12).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record ActAttributes(int value) implements AttributeSet<ActAttributes> {

    public static final ActAttributes NONE = new ActAttributes(0);
    public static final ActAttributes SIGNALED = new ActAttributes(1 << 0);
    public static final ActAttributes PRESERVE_SIGNALED = new ActAttributes(1 << 1);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_ACT", ActAttributes.class, "");

    public static ActAttributes of(ActAttributes... bits) {
        return new ActAttributes(AttributeSet.union(bits));
    }

    @Override
    public ActAttributes withValue(int value) {
        return new ActAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
