package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

import org.vtpm.tpm.transport.swtpm.PtmException;

/**
 * The platform port of the Microsoft simulator protocol: one {@code signal (u32)} at a time, each
 * acknowledged with {@code 0 (u32)}, or with TPM_FAIL when power-on fails.
 *
 * <p>Power-on is idempotent, as in the simulator: tpm2-tss's {@code mssim} TCTI sends power-on and
 * NV-on every time a tool starts, which must not reset a running TPM. The signals for physical
 * presence, cancel, NV availability and the key cache are acknowledged without effect: NV is
 * always available here, commands cannot be cancelled mid-way, and there is no key cache.
 */
final class MssimPlatformProtocol implements ChannelProtocol {

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

    private static final System.Logger LOG = System.getLogger(MssimPlatformProtocol.class.getName());

    private final TpmPlatform platform;
    private final Runnable shutdownRequest;

    MssimPlatformProtocol(TpmPlatform platform, Runnable shutdownRequest) {
        this.platform = platform;
        this.shutdownRequest = shutdownRequest;
    }

    @Override
    public void serve(MessageInput in, DataOutputStream out) throws IOException {
        while (true) {
            in.awaitMessage();
            int signal = in.readInt();
            int ack;
            try {
                switch (signal) {
                    case SIGNAL_POWER_ON:
                        platform.powerOn();
                        break;
                    case SIGNAL_POWER_OFF:
                        platform.stop();
                        break;
                    case SIGNAL_RESET:
                        platform.init(false);
                        break;
                    case SIGNAL_PHYS_PRES_ON:
                    case SIGNAL_PHYS_PRES_OFF:
                    case SIGNAL_CANCEL_ON:
                    case SIGNAL_CANCEL_OFF:
                    case SIGNAL_NV_ON:
                    case SIGNAL_NV_OFF:
                    case SIGNAL_KEY_CACHE_ON:
                    case SIGNAL_KEY_CACHE_OFF:
                        break;
                    case MssimCommandProtocol.TPM_STOP:
                        shutdownRequest.run();
                        return;
                    default:
                        return;
                }
                ack = 0;
            } catch (PlatformException e) {
                LOG.log(System.Logger.Level.ERROR, "platform signal {0} failed: {1}", signal, e.getMessage());
                ack = PtmException.TPM_FAIL;
            }
            out.writeInt(ack);
            out.flush();
        }
    }
}
