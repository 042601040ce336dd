package org.vtpm.tpm.types;

/**
 * TPMA_STARTUP_CLEAR: state reset by TPM2_Startup(CLEAR), the value of TPM_PT_STARTUP_CLEAR (Part 2, 8.7).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record StartupClearAttributes(int value) implements AttributeSet<StartupClearAttributes> {

    public static final StartupClearAttributes NONE = new StartupClearAttributes(0);
    public static final StartupClearAttributes PH_ENABLE = new StartupClearAttributes(1 << 0);
    public static final StartupClearAttributes SH_ENABLE = new StartupClearAttributes(1 << 1);
    public static final StartupClearAttributes EH_ENABLE = new StartupClearAttributes(1 << 2);
    public static final StartupClearAttributes PH_ENABLE_NV = new StartupClearAttributes(1 << 3);
    public static final StartupClearAttributes ORDERLY = new StartupClearAttributes(1 << 31);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_STARTUP_CLEAR", StartupClearAttributes.class, "");

    public static StartupClearAttributes of(StartupClearAttributes... bits) {
        return new StartupClearAttributes(AttributeSet.union(bits));
    }

    @Override
    public StartupClearAttributes withValue(int value) {
        return new StartupClearAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
