package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_CC: the attributes of a command, as GetCapability reports them (Part 2, 8.9).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record CcAttributes(int value) implements TpmValue {

    public static final CcAttributes NONE = new CcAttributes(0);
    public static final CcAttributes NV = new CcAttributes(1 << 22);
    public static final CcAttributes EXTENSIVE = new CcAttributes(1 << 23);
    public static final CcAttributes FLUSHED = new CcAttributes(1 << 24);
    public static final CcAttributes R_HANDLE = new CcAttributes(1 << 28);
    public static final CcAttributes V = new CcAttributes(1 << 29);

    private static final Map<Integer, String> NAMES = ConstantNames.scan(CcAttributes.class, "", CcAttributes::value);

    public static CcAttributes of(CcAttributes... bits) {
        int value = 0;
        for (CcAttributes bit : bits) {
            value |= bit.value;
        }
        return new CcAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(CcAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public CcAttributes with(CcAttributes bits) {
        return new CcAttributes(value | bits.value);
    }

    public CcAttributes without(CcAttributes bits) {
        return new CcAttributes(value & ~bits.value);
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
        StringBuilder s = new StringBuilder("TPMA_CC[");
        int rest = value;
        for (int bit = 0; bit < 32; bit++) {
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
