package org.vtpm.tpm.server;

import java.io.DataOutputStream;
import java.io.IOException;

import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.wire.TpmRc;

/**
 * The command port of the Microsoft simulator protocol (mssim):
 * {@code TPM_SEND_COMMAND | locality (u8) | size (u32) | command} answered by
 * {@code size (u32) | response | 0 (u32)}, plus the handshake, the measured-launch hash signals and
 * session end. A command size
 * outside {@code [10, buffer size]} is answered with TPM_RC_COMMAND_SIZE and ends the connection;
 * so does any request this server does not carry out, since its length is unknown.
 */
final class MssimCommandProtocol extends MssimProtocol {

    static final int SIGNAL_HASH_START = 5;
    static final int SIGNAL_HASH_DATA = 6;
    static final int SIGNAL_HASH_END = 7;
    static final int TPM_SEND_COMMAND = 8;
    static final int TPM_REMOTE_HANDSHAKE = 15;
    static final int TPM_SESSION_END = 20;

    private static final int SERVER_VERSION = 1;
    /** The most data one hash-data signal may carry, as on swtpm's control channel. */
    private static final int MAX_HASH_DATA = 4096;
    /** tpmPlatformAvailable: the platform port is served too. */
    private static final int ENDPOINT_PLATFORM_AVAILABLE = 0x01;

    MssimCommandProtocol(TpmPlatform platform, Runnable shutdownRequest) {
        super(platform, shutdownRequest);
    }

    @Override
    boolean serve(int request, MessageInput in, DataOutputStream out) throws IOException {
        switch (request) {
            case TPM_SEND_COMMAND -> {
                return sendCommand(in, out);
            }
            case SIGNAL_HASH_START -> acknowledge(request, platform::hashStart, out);
            case SIGNAL_HASH_DATA -> {
                return hashData(in, out);
            }
            case SIGNAL_HASH_END -> acknowledge(request, platform::hashEnd, out);
            case TPM_REMOTE_HANDSHAKE -> {
                return handshake(in, out);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean handshake(MessageInput in, DataOutputStream out) throws IOException {
        if (in.readInt() != SERVER_VERSION) {
            return false;
        }
        out.writeInt(SERVER_VERSION);
        out.writeInt(ENDPOINT_PLATFORM_AVAILABLE);
        out.writeInt(0);
        out.flush();
        return true;
    }

    /** The D-RTM hash data; more than the limit ends the connection, its length being untrusted. */
    private boolean hashData(MessageInput in, DataOutputStream out) throws IOException {
        long length = Integer.toUnsignedLong(in.readInt());
        if (length > MAX_HASH_DATA) {
            return false;
        }
        byte[] data = in.readBounded((int) length);
        acknowledge(SIGNAL_HASH_DATA, () -> platform.hashData(data), out);
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
