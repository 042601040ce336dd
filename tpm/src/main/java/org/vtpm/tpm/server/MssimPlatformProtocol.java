package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The platform port of the Microsoft simulator protocol: one {@code signal (u32)} at a time, each
 * acknowledged with {@code 0 (u32)}, or with TPM_FAIL when power-on fails.
 *
 * <p>Power-on is idempotent, as in the simulator: tpm2-tss's {@code mssim} TCTI sends power-on and
 * NV-on every time a tool starts, which must not reset a running TPM. The signals for physical
 * presence, cancel, NV availability and the key cache are acknowledged without effect: NV is
 * always available here, commands cannot be cancelled mid-way, and there is no key cache.
 */
final class MssimPlatformProtocol extends MssimProtocol {

    static final int SIGNAL_POWER_ON = 1;
    static final int SIGNAL_POWER_OFF = 2;
    static final int SIGNAL_PHYS_PRES_ON = 3;
    static final int SIGNAL_PHYS_PRES_OFF = 4;
    static final int SIGNAL_CANCEL_ON = 9;
    static final int SIGNAL_CANCEL_OFF = 10;
    static final int SIGNAL_NV_ON = 11;
    static final int SIGNAL_NV_OFF = 12;
    static final int SIGNAL_KEY_CACHE_ON = 13;
    static final int SIGNAL_KEY_CACHE_OFF = 14;
    static final int SIGNAL_RESET = 17;

    MssimPlatformProtocol(TpmPlatform platform, Runnable shutdownRequest) {
        super(platform, shutdownRequest);
    }

    @Override
    boolean serve(int signal, MessageInput in, DataOutputStream out) throws IOException {
        switch (signal) {
            case SIGNAL_POWER_ON -> acknowledge(signal, platform::powerOn, out);
            case SIGNAL_POWER_OFF -> acknowledge(signal, platform::stop, out);
            case SIGNAL_RESET -> acknowledge(signal, () -> platform.init(false), out);
            case SIGNAL_PHYS_PRES_ON, SIGNAL_PHYS_PRES_OFF, SIGNAL_CANCEL_ON, SIGNAL_CANCEL_OFF, SIGNAL_NV_ON,
                    SIGNAL_NV_OFF, SIGNAL_KEY_CACHE_ON, SIGNAL_KEY_CACHE_OFF -> acknowledge(signal, () -> { }, out);
            default -> {
                return false;
            }
        }
        return true;
    }
}
