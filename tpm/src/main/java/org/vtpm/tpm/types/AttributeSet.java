package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * A TPMA_ bit set. Each TPMA_ type is its own record implementing this over its own constants,
 * so bits of one attribute type cannot be mixed into another; the set algebra lives here once.
 *
 * @param <A> the record itself
 */
public interface AttributeSet<A extends AttributeSet<A>> extends TpmValue {

    /** A set of the same type holding exactly {@code value}. */
    A withValue(int value);

    /** True when every bit of {@code bits} is set here. */
    default boolean has(A bits) {
        return (value() & bits.value()) == bits.value();
    }

    default A with(A bits) {
        return withValue(value() | bits.value());
    }

    default A without(A bits) {
        return withValue(value() & ~bits.value());
    }

    /** The bits set in any of {@code bits}: what each type's {@code of} holds. */
    static int union(AttributeSet<?>... bits) {
        int value = 0;
        for (AttributeSet<?> bit : bits) {
            value |= bit.value();
        }
        return value;
    }
}
