package org.vtpm.tpm.transport.swtpm;

import java.util.Objects;

import org.vtpm.tpm.transport.PeerClosedException;
import org.vtpm.tpm.transport.SocketLink;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.TpmTransport;
import org.vtpm.tpm.transport.TpmTransportException;

/**
 * The data channel of swtpm's socket protocol: the plain command buffer goes out, the plain
 * response buffer comes back, over one TCP connection kept across commands.
 *
 * <p>A connection that failed mid-frame is dropped rather than reused, since its byte stream is no
 * longer aligned on frames; the next {@link #transmit} connects afresh. The locality is not part of
 * this channel: set it with {@link SwtpmControlChannel#setLocality}.
 */
public final class SwtpmSocketTransport implements TpmTransport {

    private final String host;
    private final int port;
    private final Timeouts timeouts;
    private final int maxResponseSize;
    private SocketLink link;
    private boolean closed;

    /**
     * @param maxResponseSize the largest response accepted; swtpm's buffer size (4096 unless changed
     *                        with {@link SwtpmControlChannel#setBufferSize})
     */
    public SwtpmSocketTransport(String host, int port, Timeouts timeouts, int maxResponseSize) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        if (maxResponseSize < TpmFrames.HEADER_SIZE) {
            throw new IllegalArgumentException("maxResponseSize below a header: " + maxResponseSize);
        }
        this.maxResponseSize = maxResponseSize;
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
            link = SocketLink.connect(host, port, timeouts);
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
        return "tcp:" + host + ":" + port;
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
