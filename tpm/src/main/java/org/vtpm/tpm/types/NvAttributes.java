package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.ReservedBits;

/**
 * TPMA_NV: the attributes of an NV index (Part 2, 13.4); bits 4..7 hold its TPM_NT.
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
@ReservedBits(0x01F00300)
public record NvAttributes(int value) implements AttributeSet<NvAttributes> {

    public static final NvAttributes NONE = new NvAttributes(0);
    public static final NvAttributes PPWRITE = new NvAttributes(1 << 0);
    public static final NvAttributes OWNERWRITE = new NvAttributes(1 << 1);
    public static final NvAttributes AUTHWRITE = new NvAttributes(1 << 2);
    public static final NvAttributes POLICYWRITE = new NvAttributes(1 << 3);
    public static final NvAttributes POLICY_DELETE = new NvAttributes(1 << 10);
    public static final NvAttributes WRITELOCKED = new NvAttributes(1 << 11);
    public static final NvAttributes WRITEALL = new NvAttributes(1 << 12);
    public static final NvAttributes WRITEDEFINE = new NvAttributes(1 << 13);
    public static final NvAttributes WRITE_STCLEAR = new NvAttributes(1 << 14);
    public static final NvAttributes GLOBALLOCK = new NvAttributes(1 << 15);
    public static final NvAttributes PPREAD = new NvAttributes(1 << 16);
    public static final NvAttributes OWNERREAD = new NvAttributes(1 << 17);
    public static final NvAttributes AUTHREAD = new NvAttributes(1 << 18);
    public static final NvAttributes POLICYREAD = new NvAttributes(1 << 19);
    public static final NvAttributes NO_DA = new NvAttributes(1 << 25);
    public static final NvAttributes ORDERLY = new NvAttributes(1 << 26);
    public static final NvAttributes CLEAR_STCLEAR = new NvAttributes(1 << 27);
    public static final NvAttributes READLOCKED = new NvAttributes(1 << 28);
    public static final NvAttributes WRITTEN = new NvAttributes(1 << 29);
    public static final NvAttributes PLATFORMCREATE = new NvAttributes(1 << 30);
    public static final NvAttributes READ_STCLEAR = new NvAttributes(1 << 31);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_NV", NvAttributes.class, "");

    public static NvAttributes of(NvAttributes... bits) {
        return new NvAttributes(AttributeSet.union(bits));
    }

    @Override
    public NvAttributes withValue(int value) {
        return new NvAttributes(value);
    }

    private static final int NT_SHIFT = 4;
    private static final int NT_MASK = 0xF << NT_SHIFT;

    /** The index type, TPMA_NV bits 4..7. */
    public Nt nt() {
        return new Nt((value & NT_MASK) >>> NT_SHIFT);
    }

    public NvAttributes withNt(Nt nt) {
        if (nt.value() > 0xF) {
            throw new IllegalArgumentException(nt + " does not fit in TPM_NT's four bits");
        }
        return new NvAttributes((value & ~NT_MASK) | nt.value() << NT_SHIFT);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
