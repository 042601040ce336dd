package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;
import org.vtpm.tpm.wire.Uint;

/**
 * TPM_NT: the type of an NV index, held in TPMA_NV bits 4..7 (Part 2, 13.4).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record Nt(@Uint(8) int value) implements TpmValue {

    public static final Nt ORDINARY = new Nt(0x0);
    public static final Nt COUNTER = new Nt(0x1);
    public static final Nt BITS = new Nt(0x2);
    public static final Nt EXTEND = new Nt(0x4);
    public static final Nt PIN_FAIL = new Nt(0x8);
    public static final Nt PIN_PASS = new Nt(0x9);

    private static final TypeNames NAMES = TypeNames.scan("TPM_NT", Nt.class, "TPM_NT_");

    public Nt {
        TypeNames.checkWidth("TPM_NT", value, 8);
    }

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
