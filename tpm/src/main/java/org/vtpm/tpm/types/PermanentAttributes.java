package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_PERMANENT: persistent TPM state, the value of TPM_PT_PERMANENT (Part 2, 8.6).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record PermanentAttributes(int value) implements TpmValue {

    public static final PermanentAttributes NONE = new PermanentAttributes(0);
    public static final PermanentAttributes OWNER_AUTH_SET = new PermanentAttributes(1 << 0);
    public static final PermanentAttributes ENDORSEMENT_AUTH_SET = new PermanentAttributes(1 << 1);
    public static final PermanentAttributes LOCKOUT_AUTH_SET = new PermanentAttributes(1 << 2);
    public static final PermanentAttributes DISABLE_CLEAR = new PermanentAttributes(1 << 8);
    public static final PermanentAttributes IN_LOCKOUT = new PermanentAttributes(1 << 9);
    public static final PermanentAttributes TPM_GENERATED_EPS = new PermanentAttributes(1 << 10);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(PermanentAttributes.class, "", PermanentAttributes::value);

    public static PermanentAttributes of(PermanentAttributes... bits) {
        int value = 0;
        for (PermanentAttributes bit : bits) {
            value |= bit.value;
        }
        return new PermanentAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(PermanentAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public PermanentAttributes with(PermanentAttributes bits) {
        return new PermanentAttributes(value | bits.value);
    }

    public PermanentAttributes without(PermanentAttributes bits) {
        return new PermanentAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_PERMANENT[");
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
