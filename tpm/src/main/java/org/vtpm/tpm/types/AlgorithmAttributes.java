package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * TPMA_ALGORITHM: the kind of an algorithm, as GetCapability reports it (Part 2, 8.2).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
public record AlgorithmAttributes(int value) implements TpmValue {

    public static final AlgorithmAttributes NONE = new AlgorithmAttributes(0);
    public static final AlgorithmAttributes ASYMMETRIC = new AlgorithmAttributes(1 << 0);
    public static final AlgorithmAttributes SYMMETRIC = new AlgorithmAttributes(1 << 1);
    public static final AlgorithmAttributes HASH = new AlgorithmAttributes(1 << 2);
    public static final AlgorithmAttributes OBJECT = new AlgorithmAttributes(1 << 3);
    public static final AlgorithmAttributes SIGNING = new AlgorithmAttributes(1 << 8);
    public static final AlgorithmAttributes ENCRYPTING = new AlgorithmAttributes(1 << 9);
    public static final AlgorithmAttributes METHOD = new AlgorithmAttributes(1 << 10);

    private static final Map<Integer, String> NAMES = 
            ConstantNames.scan(AlgorithmAttributes.class, "", AlgorithmAttributes::value);

    public static AlgorithmAttributes of(AlgorithmAttributes... bits) {
        int value = 0;
        for (AlgorithmAttributes bit : bits) {
            value |= bit.value;
        }
        return new AlgorithmAttributes(value);
    }

    /** True when every bit of {@code bits} is set here. */
    public boolean has(AlgorithmAttributes bits) {
        return (value & bits.value) == bits.value;
    }

    public AlgorithmAttributes with(AlgorithmAttributes bits) {
        return new AlgorithmAttributes(value | bits.value);
    }

    public AlgorithmAttributes without(AlgorithmAttributes bits) {
        return new AlgorithmAttributes(value & ~bits.value);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TPMA_ALGORITHM[");
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
