package org.vtpm.tpm.types;

/**
 * TPMA_PERMANENT: persistent TPM state, the value of TPM_PT_PERMANENT (Part 2, 8.6).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record PermanentAttributes(int value) implements AttributeSet<PermanentAttributes> {

    public static final PermanentAttributes NONE = new PermanentAttributes(0);
    public static final PermanentAttributes OWNER_AUTH_SET = new PermanentAttributes(1 << 0);
    public static final PermanentAttributes ENDORSEMENT_AUTH_SET = new PermanentAttributes(1 << 1);
    public static final PermanentAttributes LOCKOUT_AUTH_SET = new PermanentAttributes(1 << 2);
    public static final PermanentAttributes DISABLE_CLEAR = new PermanentAttributes(1 << 8);
    public static final PermanentAttributes IN_LOCKOUT = new PermanentAttributes(1 << 9);
    public static final PermanentAttributes TPM_GENERATED_EPS = new PermanentAttributes(1 << 10);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_PERMANENT", PermanentAttributes.class, "");

    public static PermanentAttributes of(PermanentAttributes... bits) {
        return new PermanentAttributes(AttributeSet.union(bits));
    }

    @Override
    public PermanentAttributes withValue(int value) {
        return new PermanentAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
