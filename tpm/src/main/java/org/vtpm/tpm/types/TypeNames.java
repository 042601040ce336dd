package org.vtpm.tpm.types;

import java.util.Map;
import java.util.StringJoiner;

import org.vtpm.tpm.wire.ConstantNames;
import org.vtpm.tpm.wire.TpmValue;

/**
 * The specification's names for the values of one constant or TPMA_ type, and how they print.
 * Values without a name print in hex, so a log shows what a peer sent that this library does not
 * know, e.g. {@code TPM_ALG_ID(0x4242)} or {@code TPMA_SESSION[CONTINUE_SESSION|0x10]}.
 */
final class TypeNames {

    private final String typeName;
    private final Map<Integer, String> names;

    private TypeNames(String typeName, Map<Integer, String> names) {
        this.typeName = typeName;
        this.names = names;
    }

    /**
     * The names of {@code type}'s constants, each {@code prefix} plus its field name. Call it
     * from the last static initializer of {@code type}, after every constant exists.
     */
    static <T extends TpmValue> TypeNames scan(String typeName, Class<T> type, String prefix) {
        return new TypeNames(typeName, ConstantNames.scan(type, prefix, TpmValue::value));
    }

    /**
     * Refuses a value wider than the type's {@code bits} on the wire. Static, because constructors
     * run it for the constants themselves, before their type's names exist.
     */
    static void checkWidth(String typeName, int value, int bits) {
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException(
                    typeName + " 0x" + Integer.toHexString(value) + " exceeds " + bits + " bits");
        }
    }

    /** A constant: its name, or the type and the value in hex. */
    String constant(int value) {
        String name = names.get(value);
        return name != null ? name : typeName + "(0x" + Integer.toHexString(value) + ")";
    }

    /** A bit set: the type, then the names of the set bits and any unnamed ones in hex. */
    String bits(int value) {
        StringJoiner s = new StringJoiner("|", typeName + "[", "]");
        int rest = value;
        for (int bit = 0; bit < Integer.SIZE; bit++) {
            String name = names.get(1 << bit);
            if ((value & (1 << bit)) != 0 && name != null) {
                s.add(name);
                rest &= ~(1 << bit);
            }
        }
        if (rest != 0) {
            s.add("0x" + Integer.toHexString(rest));
        }
        return s.toString();
    }
}
