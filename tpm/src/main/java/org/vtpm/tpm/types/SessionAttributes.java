package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.ReservedBits;
import org.vtpm.tpm.wire.Uint;

/**
 * TPMA_SESSION: how a session is used in one command (Part 2, 8.4).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
@ReservedBits(0x00000018)
public record SessionAttributes(@Uint(8) int value) implements AttributeSet<SessionAttributes> {

    public static final SessionAttributes NONE = new SessionAttributes(0);
    public static final SessionAttributes CONTINUE_SESSION = new SessionAttributes(1 << 0);
    public static final SessionAttributes AUDIT_EXCLUSIVE = new SessionAttributes(1 << 1);
    public static final SessionAttributes AUDIT_RESET = new SessionAttributes(1 << 2);
    public static final SessionAttributes DECRYPT = new SessionAttributes(1 << 5);
    public static final SessionAttributes ENCRYPT = new SessionAttributes(1 << 6);
    public static final SessionAttributes AUDIT = new SessionAttributes(1 << 7);

    private static final TypeNames NAMES = TypeNames.scan("TPMA_SESSION", SessionAttributes.class, "");

    public SessionAttributes {
        TypeNames.checkWidth("TPMA_SESSION", value, 8);
    }

    public static SessionAttributes of(SessionAttributes... bits) {
        return new SessionAttributes(AttributeSet.union(bits));
    }

    @Override
    public SessionAttributes withValue(int value) {
        return new SessionAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
