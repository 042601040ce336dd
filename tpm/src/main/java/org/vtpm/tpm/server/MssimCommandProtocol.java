package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.swtpm.PtmException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The command port of the Microsoft simulator protocol (mssim):
 * {@code TPM_SEND_COMMAND | locality (u8) | size (u32) | command} answered by
 * {@code size (u32) | response | 0 (u32)}, plus the handshake, the measured-launch hash signals and
 * session end. A command size
 * outside {@code [10, buffer size]} is answered with TPM_RC_COMMAND_SIZE and ends the connection;
 * so does any request this server does not carry out, since its length is unknown.
 */
final class MssimCommandProtocol implements ChannelProtocol {

    static final int SIGNAL_HASH_START = 5;
    static final int SIGNAL_HASH_DATA = 6;
    static final int SIGNAL_HASH_END = 7;
    static final int TPM_SEND_COMMAND = 8;
    static final int TPM_REMOTE_HANDSHAKE = 15;
    static final int TPM_SESSION_END = 20;
    static final int TPM_STOP = 21;

    private static final int SERVER_VERSION = 1;
    /** The most data one hash-data signal may carry, as on swtpm's control channel. */
    private static final int MAX_HASH_DATA = 4096;
    /** tpmPlatformAvailable: the platform port is served too. */
    private static final int ENDPOINT_PLATFORM_AVAILABLE = 0x01;

    private final TpmPlatform platform;
    private final Runnable shutdownRequest;

    MssimCommandProtocol(TpmPlatform platform, Runnable shutdownRequest) {
        this.platform = platform;
        this.shutdownRequest = shutdownRequest;
    }

    @Override
    public void serve(MessageInput in, DataOutputStream out) throws IOException {
        while (true) {
            in.awaitMessage();
            int request = in.readInt();
            if (request == TPM_SEND_COMMAND) {
                if (!sendCommand(in, out)) {
                    return;
                }
            } else if (request == SIGNAL_HASH_START || request == SIGNAL_HASH_DATA || request == SIGNAL_HASH_END) {
                if (!hashSignal(request, in, out)) {
                    return;
                }
            } else if (request == TPM_REMOTE_HANDSHAKE && in.readInt() == SERVER_VERSION) {
                out.writeInt(SERVER_VERSION);
                out.writeInt(ENDPOINT_PLATFORM_AVAILABLE);
                out.writeInt(0);
                out.flush();
            } else {
                if (request == TPM_STOP) {
                    shutdownRequest.run();
                }
                return;
            }
        }
    }

    /**
     * The H-CRTM/D-RTM signals, acknowledged with 0, or with TPM_FAIL when the TPM refused. Hash
     * data over the limit ends the connection, its length being untrusted.
     */
    private boolean hashSignal(int signal, MessageInput in, DataOutputStream out) throws IOException {
        int ack = 0;
        try {
            if (signal == SIGNAL_HASH_START) {
                platform.hashStart();
            } else if (signal == SIGNAL_HASH_END) {
                platform.hashEnd();
            } else {
                long length = Integer.toUnsignedLong(in.readInt());
                if (length > MAX_HASH_DATA) {
                    return false;
                }
                platform.hashData(in.readBounded((int) length));
            }
        } catch (PlatformException e) {
            ack = PtmException.TPM_FAIL;
        }
        out.writeInt(ack);
        out.flush();
        return true;
    }

    private boolean sendCommand(MessageInput in, DataOutputStream out) throws IOException {
        int locality = in.readUnsignedByte();
        long size = Integer.toUnsignedLong(in.readInt());
        boolean framed = size >= TpmFrames.HEADER_SIZE && size <= platform.bufferSize();
        byte[] response;
        if (framed) {
            byte[] command = new byte[(int) size];
            in.readFully(command);
            response = platform.execute(locality, command);
        } else {
            response = ErrorResponse.of(TpmRc.COMMAND_SIZE);
        }
        out.writeInt(response.length);
        out.write(response);
        out.writeInt(0);
        out.flush();
        return framed;
    }
}
