package org.vtpm.tpm.transport.mssim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.PeerClosedException;
import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * The Microsoft TPM 2.0 simulator protocol (mssim): a command port carrying TPM commands and a
 * platform port carrying power and NV signals, by convention on the next port number.
 *
 * <p>Command port: {@code TPM_SEND_COMMAND (u32) | locality (u8) | size (u32) | command}, answered
 * by {@code size (u32) | response | 0 (u32)}. Platform port: {@code signal (u32)}, answered by
 * {@code 0 (u32)}. Both connections end with {@code TPM_SESSION_END} so the simulator frees them.
 */
public final class MssimTransport implements TpmTransport {

    static final int TPM_SEND_COMMAND = 8;
    static final int TPM_SESSION_END = 20;

    private final String host;
    private final int commandPort;
    private final int platformPort;
    private final Timeouts timeouts;
    private final int maxResponseSize;
    private SocketLink command;
    private SocketLink platform;
    private int locality;
    private boolean closed;

    public MssimTransport(String host, int commandPort, int platformPort, Timeouts timeouts, int maxResponseSize) {
        this.host = Objects.requireNonNull(host, "host");
        this.commandPort = commandPort;
        this.platformPort = platformPort;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (maxResponseSize < TpmFrames.HEADER_SIZE) {
            throw new IllegalArgumentException("maxResponseSize below a header: " + maxResponseSize);
        }
        this.maxResponseSize = maxResponseSize;
    }

    /** The usual layout: platform port right after the command port (2321 and 2322). */
    public MssimTransport(String host, int commandPort) {
        this(host, commandPort, commandPort + 1, Timeouts.DEFAULT, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    /** The locality byte sent with the following commands. */
    public synchronized void setLocality(int locality) {
        if (locality < 0 || locality > 0xFF) {
            throw new IllegalArgumentException("locality must fit one byte: " + locality);
        }
        this.locality = locality;
    }

    @Override
    public synchronized byte[] transmit(byte[] tpmCommand) throws TpmTransportException {
        ensureOpen();
        TpmFrames.checkCommand(endpoint(), tpmCommand);
        if (command == null) {
            command = SocketLink.connect(host, commandPort, timeouts);
        }
        try {
            command.write(ByteBuffer.allocate(9 + tpmCommand.length)
                    .putInt(TPM_SEND_COMMAND).put((byte) locality).putInt(tpmCommand.length).put(tpmCommand)
                    .array());
            long size = command.readUint32();
            TpmFrames.checkResponseSize(command.endpoint(), size, maxResponseSize);
            byte[] response = command.readFully((int) size);
            if (TpmFrames.headerSize(response) != size) {
                throw new FramingException(command.endpoint(), "response header says " + TpmFrames.headerSize(response)
                        + " bytes but the frame holds " + size);
            }
            expectAck(command);
            return response;
        } catch (TpmTransportException e) {
            command.close();
            command = null;
            throw e;
        }
    }

    /** Sends one platform signal and waits for its acknowledgement. */
    public synchronized void signal(PlatformSignal signal) throws TpmTransportException {
        ensureOpen();
        if (platform == null) {
            platform = SocketLink.connect(host, platformPort, timeouts);
        }
        try {
            platform.write(ByteBuffer.allocate(4).putInt(signal.code()).array());
            expectAck(platform);
        } catch (TpmTransportException e) {
            platform.close();
            platform = null;
            throw e;
        }
    }

    /** Ends both sessions; a simulator that already went away does not make closing fail. */
    @Override
    public synchronized void close() {
        closed = true;
        command = endSession(command);
        platform = endSession(platform);
    }

    private static SocketLink endSession(SocketLink link) {
        if (link != null) {
            try {
                link.write(ByteBuffer.allocate(4).putInt(TPM_SESSION_END).array());
            } catch (TpmTransportException ignored) {
                // The peer is gone; there is no session left to end.
            }
            link.close();
        }
        return null;
    }

    private void ensureOpen() throws PeerClosedException {
        if (closed) {
            throw new PeerClosedException(endpoint(), "transport is closed");
        }
    }

    private static void expectAck(SocketLink link) throws TpmTransportException {
        long ack = link.readUint32();
        if (ack != 0) {
            throw new FramingException(link.endpoint(), "acknowledgement " + ack + " instead of 0");
        }
    }

    /** The command port, as errors name it. */
    public String endpoint() {
        return SocketLink.describe(InetSocketAddress.createUnresolved(host, commandPort));
    }

    @Override
    public String toString() {
        return "mssim " + host + ":" + commandPort + "/" + platformPort;
    }
}
