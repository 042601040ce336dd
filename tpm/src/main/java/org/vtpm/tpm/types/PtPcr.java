package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.TpmValue;

/**
 * TPM_PT_PCR: a PCR property tag for GetCapability(TPM_CAP_PCR_PROPERTIES) (Part 2, 6.14).
 *
 * <p>An open set: values this library does not name (newer specifications, vendors) still
 * unmarshal and print in hex.
 */
public record PtPcr(int value) implements TpmValue {

    public static final PtPcr SAVE = new PtPcr(0x00000000);
    public static final PtPcr EXTEND_L0 = new PtPcr(0x00000001);
    public static final PtPcr RESET_L0 = new PtPcr(0x00000002);
    public static final PtPcr EXTEND_L1 = new PtPcr(0x00000003);
    public static final PtPcr RESET_L1 = new PtPcr(0x00000004);
    public static final PtPcr EXTEND_L2 = new PtPcr(0x00000005);
    public static final PtPcr RESET_L2 = new PtPcr(0x00000006);
    public static final PtPcr EXTEND_L3 = new PtPcr(0x00000007);
    public static final PtPcr RESET_L3 = new PtPcr(0x00000008);
    public static final PtPcr EXTEND_L4 = new PtPcr(0x00000009);
    public static final PtPcr RESET_L4 = new PtPcr(0x0000000A);
    public static final PtPcr NO_INCREMENT = new PtPcr(0x00000011);
    public static final PtPcr DRTM_RESET = new PtPcr(0x00000012);
    public static final PtPcr POLICY = new PtPcr(0x00000013);
    public static final PtPcr AUTH = new PtPcr(0x00000014);

    private static final TypeNames NAMES = TypeNames.scan("TPM_PT_PCR", PtPcr.class, "TPM_PT_PCR_");

    @Override
    public String toString() {
        return NAMES.constant(value);
    }
}
