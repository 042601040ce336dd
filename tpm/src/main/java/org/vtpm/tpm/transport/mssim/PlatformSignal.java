package org.vtpm.tpm.transport.mssim;

/**
 * Signals of the Microsoft simulator's platform port ({@code TPM_SIGNAL_*} and friends of the
 * reference implementation's TCP protocol): the wires a real platform would drive.
 */
public enum PlatformSignal {
    POWER_ON(1),
    POWER_OFF(2),
    PHYS_PRES_ON(3),
    PHYS_PRES_OFF(4),
    CANCEL_ON(9),
    CANCEL_OFF(10),
    /** Makes NV memory available; the simulator needs it after power-on before TPM2_Startup. */
    NV_ON(11),
    NV_OFF(12),
    KEY_CACHE_ON(13),
    KEY_CACHE_OFF(14),
    /** _TPM_Init without a power cycle. */
    RESET(17);

    private final int code;

    PlatformSignal(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
