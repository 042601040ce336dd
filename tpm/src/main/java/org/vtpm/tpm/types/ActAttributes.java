package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_ACT: the state of an authenticated countdown timer (Part 2, 8.12).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record ActAttributes(int value) implements TpmValue {

    public static final ActAttributes NONE = new ActAttributes(0);
    public static final ActAttributes SIGNALED = new ActAttributes(1 << 0);
    public static final ActAttributes PRESERVE_SIGNALED = new ActAttributes(1 << 1);

    private static final Map<Integer, String> NAMES = ConstantNames.scan(ActAttributes.class, "", ActAttributes::value);

    public static ActAttributes of(ActAttributes... bits) {
        int value = 0;
        for (ActAttributes bit : bits) {
            value |= bit.value;
        }
        return new ActAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(ActAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public ActAttributes with(ActAttributes bits) {
        return new ActAttributes(value | bits.value);
    }

    public ActAttributes without(ActAttributes bits) {
        return new ActAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_ACT[");
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
