package org.vtpm.tpm.types;

/**
 * TPMA_ALGORITHM: the kind of an algorithm, as GetCapability reports it (Part 2, 8.2).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record AlgorithmAttributes(int value) implements AttributeSet<AlgorithmAttributes> {

    public static final AlgorithmAttributes NONE = new AlgorithmAttributes(0);
    public static final AlgorithmAttributes ASYMMETRIC = new AlgorithmAttributes(1 << 0);
    public static final AlgorithmAttributes SYMMETRIC = new AlgorithmAttributes(1 << 1);
    public static final AlgorithmAttributes HASH = new AlgorithmAttributes(1 << 2);
    public static final AlgorithmAttributes OBJECT = new AlgorithmAttributes(1 << 3);
    public static final AlgorithmAttributes SIGNING = new AlgorithmAttributes(1 << 8);
    public static final AlgorithmAttributes ENCRYPTING = new AlgorithmAttributes(1 << 9);
    public static final AlgorithmAttributes METHOD = new AlgorithmAttributes(1 << 10);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_ALGORITHM", AlgorithmAttributes.class, "");

    public static AlgorithmAttributes of(AlgorithmAttributes... bits) {
        return new AlgorithmAttributes(AttributeSet.union(bits));
    }

    @Override
    public AlgorithmAttributes withValue(int value) {
        return new AlgorithmAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
