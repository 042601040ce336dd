package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.ReservedBits;
import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPMA_SESSION: how a session is used in one command (Part 2, 8.4).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
@ReservedBits(0x00000018)
public record SessionAttributes(@Uint(8) int value) implements TpmValue {

    public static final SessionAttributes NONE = new SessionAttributes(0);
    public static final SessionAttributes CONTINUE_SESSION = new SessionAttributes(1 << 0);
    public static final SessionAttributes AUDIT_EXCLUSIVE = new SessionAttributes(1 << 1);
    public static final SessionAttributes AUDIT_RESET = new SessionAttributes(1 << 2);
    public static final SessionAttributes DECRYPT = new SessionAttributes(1 << 5);
    public static final SessionAttributes ENCRYPT = new SessionAttributes(1 << 6);
    public static final SessionAttributes AUDIT = new SessionAttributes(1 << 7);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(SessionAttributes.class, "", SessionAttributes::value);

    public SessionAttributes {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("TPMA_SESSION 0x" + Integer.toHexString(value) + " exceeds 8 bits");
        }
    }

    public static SessionAttributes of(SessionAttributes... bits) {
        int value = 0;
        for (SessionAttributes bit : bits) {
            value |= bit.value;
        }
        return new SessionAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(SessionAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public SessionAttributes with(SessionAttributes bits) {
        return new SessionAttributes(value | bits.value);
    }

    public SessionAttributes without(SessionAttributes bits) {
        return new SessionAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_SESSION[");
        int rest = value;
        for (int bit = 0; bit < 8; bit++) {
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
