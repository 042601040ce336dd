package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.ReservedBits;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_OBJECT: the attributes of an object (Part 2, 8.3).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
@ReservedBits(0xFFF0F309)
public record ObjectAttributes(int value) implements TpmValue {

    public static final ObjectAttributes NONE = new ObjectAttributes(0);
    public static final ObjectAttributes FIXED_TPM = new ObjectAttributes(1 << 1);
    public static final ObjectAttributes ST_CLEAR = new ObjectAttributes(1 << 2);
    public static final ObjectAttributes FIXED_PARENT = new ObjectAttributes(1 << 4);
    public static final ObjectAttributes SENSITIVE_DATA_ORIGIN = new ObjectAttributes(1 << 5);
    public static final ObjectAttributes USER_WITH_AUTH = new ObjectAttributes(1 << 6);
    public static final ObjectAttributes ADMIN_WITH_POLICY = new ObjectAttributes(1 << 7);
    public static final ObjectAttributes NO_DA = new ObjectAttributes(1 << 10);
    public static final ObjectAttributes ENCRYPTED_DUPLICATION = new ObjectAttributes(1 << 11);
    public static final ObjectAttributes RESTRICTED = new ObjectAttributes(1 << 16);
    public static final ObjectAttributes DECRYPT = new ObjectAttributes(1 << 17);
    public static final ObjectAttributes SIGN_ENCRYPT = new ObjectAttributes(1 << 18);
    public static final ObjectAttributes X509_SIGN = new ObjectAttributes(1 << 19);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(ObjectAttributes.class, "", ObjectAttributes::value);

    public static ObjectAttributes of(ObjectAttributes... bits) {
        int value = 0;
        for (ObjectAttributes bit : bits) {
            value |= bit.value;
        }
        return new ObjectAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(ObjectAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public ObjectAttributes with(ObjectAttributes bits) {
        return new ObjectAttributes(value | bits.value);
    }

    public ObjectAttributes without(ObjectAttributes bits) {
        return new ObjectAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_OBJECT[");
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
