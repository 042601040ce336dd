package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_STARTUP_CLEAR: state reset by TPM2_Startup(CLEAR), the value of TPM_PT_STARTUP_CLEAR (Part 2, 8.7).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record StartupClearAttributes(int value) implements TpmValue {

    public static final StartupClearAttributes NONE = new StartupClearAttributes(0);
    public static final StartupClearAttributes PH_ENABLE = new StartupClearAttributes(1 << 0);
    public static final StartupClearAttributes SH_ENABLE = new StartupClearAttributes(1 << 1);
    public static final StartupClearAttributes EH_ENABLE = new StartupClearAttributes(1 << 2);
    public static final StartupClearAttributes PH_ENABLE_NV = new StartupClearAttributes(1 << 3);
    public static final StartupClearAttributes ORDERLY = new StartupClearAttributes(1 << 31);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(StartupClearAttributes.class, "", StartupClearAttributes::value);

    public static StartupClearAttributes of(StartupClearAttributes... bits) {
        int value = 0;
        for (StartupClearAttributes bit : bits) {
            value |= bit.value;
        }
        return new StartupClearAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(StartupClearAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public StartupClearAttributes with(StartupClearAttributes bits) {
        return new StartupClearAttributes(value | bits.value);
    }

    public StartupClearAttributes without(StartupClearAttributes bits) {
        return new StartupClearAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_STARTUP_CLEAR[");
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
