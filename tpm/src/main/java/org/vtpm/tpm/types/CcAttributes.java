package org.vtpm.tpm.types;

/**
 * TPMA_CC: the attributes of a command, as GetCapability reports them (Part 2, 8.9).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record CcAttributes(int value) implements AttributeSet<CcAttributes> {

    public static final CcAttributes NONE = new CcAttributes(0);
    public static final CcAttributes NV = new CcAttributes(1 << 22);
    public static final CcAttributes EXTENSIVE = new CcAttributes(1 << 23);
    public static final CcAttributes FLUSHED = new CcAttributes(1 << 24);
    public static final CcAttributes R_HANDLE = new CcAttributes(1 << 28);
    public static final CcAttributes V = new CcAttributes(1 << 29);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_CC", CcAttributes.class, "");

    public static CcAttributes of(CcAttributes... bits) {
        return new CcAttributes(AttributeSet.union(bits));
    }

    @Override
    public CcAttributes withValue(int value) {
        return new CcAttributes(value);
    }

    /** The command's index, the low 16 bits of its TPM_CC. */
    public int commandIndex() {
        return value & 0xFFFF;
    }

    /** The number of handles in the command's handle area. */
    public int cHandles() {
        return (value >>> 25) & 0x7;
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
