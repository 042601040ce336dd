package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.ReservedBits;

/**
 * TPMA_OBJECT: the attributes of an object (Part 2, 8.3).
 *
 * <p>A typed bit set: the constants are single bits, combined with {@link #of} or
 * {@link #with}, so bits of another attribute type cannot be mixed in.
 */
@ReservedBits(0xFFF0F309)
public record ObjectAttributes(int value) implements AttributeSet<ObjectAttributes> {

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

    private static final TypeNames NAMES = TypeNames.scan("TPMA_OBJECT", ObjectAttributes.class, "");

    public static ObjectAttributes of(ObjectAttributes... bits) {
        return new ObjectAttributes(AttributeSet.union(bits));
    }

    @Override
    public ObjectAttributes withValue(int value) {
        return new ObjectAttributes(value);
    }

    @Override
    public String toString() {
        return NAMES.bits(value);
    }
}
