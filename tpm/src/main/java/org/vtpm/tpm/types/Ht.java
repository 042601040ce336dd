package org.vtpm.tpm.types;

import java.util.Map;

import org.vtpm.tpm.wire.ConstantNames;
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

    private static final Map<Integer, String> NAMES = ConstantNames.scan(Ht.class, "TPM_HT_", Ht::value);

    public Ht {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("TPM_HT 0x" + Integer.toHexString(value) + " exceeds 8 bits");
        }
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "TPM_HT(0x" + Integer.toHexString(value) + ")";
    }
}
