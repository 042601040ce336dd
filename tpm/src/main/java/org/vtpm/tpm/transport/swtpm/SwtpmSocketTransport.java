package org.vtpm.tpm.transport.swtpm;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;

import org.vtpm.tpm.transport.PeerClosedException;
import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * The data channel of swtpm's socket protocol: the plain command buffer goes out, the plain
 * response buffer comes back, over one TCP or Unix socket connection kept across commands.
 *
 * <p>A connection that failed mid-frame is dropped rather than reused, since its byte stream is no
 * longer aligned on frames; the next {@link #transmit} connects afresh. The locality is not part of
 * this channel: set it with {@link SwtpmControlChannel#setLocality}.
 */
public final class SwtpmSocketTransport implements TpmTransport {

    private final SocketAddress address;
    private final Timeouts timeouts;
    private final int maxResponseSize;
    private SocketLink link;
    private boolean closed;

    /**
     * @param address         where swtpm's {@code --server} listens: an {@link java.net.InetSocketAddress}
     *                        ({@code type=tcp}) or a {@link java.net.UnixDomainSocketAddress}
     *                        ({@code type=unixio})
     * @param maxResponseSize the largest response accepted; swtpm's buffer size (4096 unless changed
     *                        with {@link SwtpmControlChannel#setBufferSize})
     */
    public SwtpmSocketTransport(SocketAddress address, Timeouts timeouts, int maxResponseSize) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (maxResponseSize < TpmFrames.HEADER_SIZE) {
            throw new IllegalArgumentException("maxResponseSize below a header: " + maxResponseSize);
        }
        this.maxResponseSize = maxResponseSize;
    }

    public SwtpmSocketTransport(String host, int port, Timeouts timeouts, int maxResponseSize) {
        this(InetSocketAddress.createUnresolved(host, port), timeouts, maxResponseSize);
    }

    public SwtpmSocketTransport(String host, int port) {
        this(host, port, Timeouts.DEFAULT, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
    }

    @Override
    public synchronized byte[] transmit(byte[] command) throws TpmTransportException {
        if (closed) {
            throw new PeerClosedException(endpoint(), "transport is closed");
        }
        TpmFrames.checkCommand(endpoint(), command);
        if (link == null) {
            link = SocketLink.connect(address, timeouts);
        }
        try {
            link.write(command);
            return TpmFrames.readResponse(link, maxResponseSize);
        } catch (TpmTransportException e) {
            link.close();
            link = null;
            throw e;
        }
    }

    public String endpoint() {
        return SocketLink.describe(address);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (link != null) {
            link.close();
            link = null;
        }
    }

    @Override
    public String toString() {
        return "swtpm data channel " + endpoint();
    }
}
