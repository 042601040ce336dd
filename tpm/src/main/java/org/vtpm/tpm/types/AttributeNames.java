package org.vtpm.tpm.types;

import java.util.Map;
import java.util.StringJoiner;

import org.vtpm.tpm.wire.ConstantNames;

/**
 * How a TPMA_ bit set prints: its type name, then the names of its set bits and any bits
 * without a name in hex, e.g. {@code TPMA_SESSION[CONTINUE_SESSION|0x10]}, so a log shows a
 * reserved bit a peer set instead of hiding it.
 */
final class AttributeNames {

    private final String typeName;
    private final Map<Integer, String> names;

    private AttributeNames(String typeName, Map<Integer, String> names) {
        this.typeName = typeName;
        this.names = names;
    }

    /**
     * The names of {@code type}'s single-bit constants. Call it from the last static initializer
     * of {@code type}, after every constant exists.
     */
    static <A extends AttributeSet<A>> AttributeNames scan(String typeName, Class<A> type) {
        return new AttributeNames(typeName, ConstantNames.scan(type, "", AttributeSet::value));
    }

    String format(int value) {
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
