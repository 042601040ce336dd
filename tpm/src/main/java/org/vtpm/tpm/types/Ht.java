package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_HT: the handle type, the most significant octet of a handle (Part 2, 7.2).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Ht(@Uint(8) int value) implements TpmValue {

    public static final Ht PCR = new Ht(0x00);
    public static final Ht NV_INDEX = new Ht(0x01);
    public static final Ht HMAC_SESSION = new Ht(0x02);
    public static final Ht LOADED_SESSION = new Ht(0x02);
    public static final Ht POLICY_SESSION = new Ht(0x03);
    public static final Ht SAVED_SESSION = new Ht(0x03);
    public static final Ht PERMANENT = new Ht(0x40);
    public static final Ht TRANSIENT = new Ht(0x80);
    public static final Ht PERSISTENT = new Ht(0x81);
    public static final Ht AC = new Ht(0x90);

    private static final TypeNames NAMES = TypeNames.scan("TPM_HT", Ht.class, "TPM_HT_");

    public Ht {
        TypeNames.checkWidth("TPM_HT", value, 8);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
