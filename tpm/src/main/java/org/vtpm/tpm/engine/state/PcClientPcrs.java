package org.vtpm.tpm.engine.state;

/**
 * The PCR attributes of the TCG PC Client Platform TPM Profile: which localities may extend and
 * reset each of the 24 PCRs, which survive Shutdown(STATE), which belong to the D-RTM, and which
 * leave the PCR update counter alone. Masks have bit {@code n} set for locality {@code n}.
 */
public final class PcClientPcrs {

    public static final int COUNT = 24;
    public static final int LOCALITIES = 5;

    private static final int ALL = 0x1F;
    private static final int[] EXTEND = new int[COUNT];
    private static final int[] RESET = new int[COUNT];

    static {
        for (int pcr = 0; pcr <= 15; pcr++) {
            EXTEND[pcr] = ALL;
        }
        set(16, ALL, 0x0F);
        set(17, 0x1C, 0x10);
        set(18, 0x1C, 0x10);
        set(19, 0x0C, 0x10);
        set(20, 0x0E, 0x14);
        set(21, 0x04, 0x14);
        set(22, 0x04, 0x14);
        set(23, ALL, 0x0F);
    }

    private PcClientPcrs() {
    }

    private static void set(int pcr, int extend, int reset) {
        EXTEND[pcr] = extend;
        RESET[pcr] = reset;
    }

    public static boolean mayExtend(int pcr, int locality) {
        return (EXTEND[pcr] & (1 << locality)) != 0;
    }

    /**
     * Whether TPM2_PCR_Reset may reset {@code pcr} from {@code locality}. Locality 4 resets the
     * D-RTM PCRs only through _TPM_Hash_Start, never by command, although the profile lists it.
     */
    public static boolean mayReset(int pcr, int locality) {
        return locality != 4 && (RESET[pcr] & (1 << locality)) != 0;
    }

    /** The profile's reset localities of {@code pcr}, as GetCapability reports them. */
    public static boolean resetLocality(int pcr, int locality) {
        return (RESET[pcr] & (1 << locality)) != 0;
    }

    /** The static-RTM PCRs 0..15, which Shutdown(STATE) preserves for Startup(STATE). */
    public static boolean isStateSaved(int pcr) {
        return pcr <= 15;
    }

    /** PCRs 17..22: reset by locality 4 (the D-RTM), and all ones from TPM_Init until then. */
    public static boolean isDrtm(int pcr) {
        return pcr >= 17 && pcr <= 22;
    }

    /** PCRs 16, 21, 22 and 23 change too often to be worth invalidating policies: no counter increment. */
    public static boolean isNoIncrement(int pcr) {
        return pcr == 16 || pcr == 21 || pcr == 22 || pcr == 23;
    }

    /** PCRs 20..22 form the one policy and authorization group of the profile. */
    public static boolean isInAuthGroup(int pcr) {
        return pcr >= 20 && pcr <= 22;
    }
}
