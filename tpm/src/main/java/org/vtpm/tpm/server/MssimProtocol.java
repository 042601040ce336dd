package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

import org.vtpm.tpm.transport.swtpm.PtmException;

/**
 * What both ports of the Microsoft simulator protocol (mssim) share: requests that each start
 * with a {@code u32} code, {@code TPM_STOP} on either port asking the server to shut down, and
 * platform signals acknowledged with {@code 0 (u32)}, or with TPM_FAIL when the TPM refused them.
 */
abstract class MssimProtocol implements ChannelProtocol {

    static final int TPM_STOP = 21;

    private static final System.Logger LOG = System.getLogger(MssimProtocol.class.getName());

    final TpmPlatform platform;
    private final Runnable shutdownRequest;

    MssimProtocol(TpmPlatform platform, Runnable shutdownRequest) {
        this.platform = platform;
        this.shutdownRequest = shutdownRequest;
    }

    @Override
    public final void serve(MessageInput in, DataOutputStream out) throws IOException {
        while (true) {
            in.awaitMessage();
            int request = in.readInt();
            if (request == TPM_STOP) {
                shutdownRequest.run();
                return;
            }
            if (!serve(request, in, out)) {
                return;
            }
        }
    }

    /**
     * Carries out one request whose code has been read. False ends the connection: after a
     * request this port does not carry out, the stream is no longer aligned on messages.
     */
    abstract boolean serve(int request, MessageInput in, DataOutputStream out) throws IOException;

    /** Carries out {@code signal} and acknowledges it; a refusal is the peer's to see, not an I/O error. */
    static void acknowledge(int request, Signal signal, DataOutputStream out) throws IOException {
        int ack = 0;
        try {
            signal.run();
        } catch (PlatformException e) {
            LOG.log(System.Logger.Level.ERROR, "platform signal {0} failed: {1}", request, e.getMessage());
            ack = PtmException.TPM_FAIL;
        }
        out.writeInt(ack);
        out.flush();
    }

    /** A platform signal's effect on the TPM. */
    @FunctionalInterface
    interface Signal {
        void run() throws PlatformException;
    }
}
