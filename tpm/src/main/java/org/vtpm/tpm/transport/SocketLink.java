package org.vtpm.tpm.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;

/**
 * One stream connection to a TPM endpoint, over TCP or a Unix domain socket, with the error
 * mapping every socket transport shares: refused connections, timeouts and a vanished peer become
 * the typed exceptions of this package, each naming the endpoint.
 *
 * <p>The channel is non-blocking and waits through a selector, because a blocking
 * {@link SocketChannel} has no read timeout, and Unix domain sockets exist only as channels.
 */
public final class SocketLink implements AutoCloseable {

    private final String endpoint;
    private final SocketChannel channel;
    private final Selector selector;
    private final Timeouts timeouts;

    private SocketLink(String endpoint, SocketChannel channel, Selector selector, Timeouts timeouts) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.selector = selector;
        this.timeouts = timeouts;
    }

    /** Connects to {@code host:port} over TCP. */
    public static SocketLink connect(String host, int port, Timeouts timeouts) throws TpmTransportException {
        return connect(InetSocketAddress.createUnresolved(host, port), timeouts);
    }

    /**
     * Connects to an {@link InetSocketAddress} (TCP; resolved here if unresolved) or a
     * {@link UnixDomainSocketAddress}, waiting at most {@link Timeouts#connect()}.
     */
    public static SocketLink connect(SocketAddress address, Timeouts timeouts) throws TpmTransportException {
        String endpoint = describe(address);
        SocketChannel channel = null;
        Selector selector = null;
        try {
            SocketAddress target = address;
            if (address instanceof UnixDomainSocketAddress) {
                channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            } else if (address instanceof InetSocketAddress inet) {
                target = inet.isUnresolved() ? new InetSocketAddress(inet.getHostString(), inet.getPort()) : inet;
                channel = SocketChannel.open();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            } else {
                throw new IllegalArgumentException("unsupported address type: " + address.getClass().getName());
            }
            channel.configureBlocking(false);
            selector = Selector.open();
            SocketLink link = new SocketLink(endpoint, channel, selector, timeouts);
            if (!channel.connect(target)) {
                if (!link.await(SelectionKey.OP_CONNECT, timeouts.connectMillis())) {
                    link.close();
                    throw new TransportTimeoutException(endpoint, "no connection within " + timeouts.connect(), null);
                }
                channel.finishConnect();
            }
            return link;
        } catch (ConnectException e) {
            closeQuietly(channel, selector);
            throw new EndpointUnavailableException(endpoint, "connection refused", e);
        } catch (UnresolvedAddressException e) {
            closeQuietly(channel, selector);
            throw new EndpointUnavailableException(endpoint, "host cannot be resolved", e);
        } catch (TpmTransportException e) {
            throw e;
        } catch (IOException e) {
            closeQuietly(channel, selector);
            throw new EndpointUnavailableException(endpoint, "cannot connect: " + e.getMessage(), e);
        }
    }

    /** "tcp:host:port" or "unix:/path", the form endpoints take in messages. */
    public static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return "tcp:" + inet.getHostString() + ":" + inet.getPort();
        }
        if (address instanceof UnixDomainSocketAddress unix) {
            return "unix:" + unix.getPath();
        }
        return String.valueOf(address);
    }

    public String endpoint() {
        return endpoint;
    }

    public void write(byte[] bytes) throws TpmTransportException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0 && !await(SelectionKey.OP_WRITE, timeouts.readMillis())) {
                    throw new TransportTimeoutException(endpoint, "peer accepted no data within " + timeouts.read(),
                            null);
                }
            }
        } catch (TpmTransportException e) {
            throw e;
        } catch (IOException e) {
            throw new PeerClosedException(endpoint, "write failed: " + e.getMessage(), e);
        }
    }

    /** Reads exactly {@code length} bytes; the caller has already bounded {@code length}. */
    public byte[] readFully(int length) throws TpmTransportException {
        byte[] buffer = new byte[length];
        readFully(buffer, 0, length);
        return buffer;
    }

    /**
     * Reads exactly {@code length} bytes into {@code buffer}; a timeout means no byte arrived for
     * {@link Timeouts#read()}, however long the whole transfer takes.
     */
    public void readFully(byte[] buffer, int offset, int length) throws TpmTransportException {
        ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
        try {
            while (target.hasRemaining()) {
                int n = channel.read(target);
                if (n < 0) {
                    throw new PeerClosedException(endpoint, "connection closed by peer");
                }
                if (n == 0 && !await(SelectionKey.OP_READ, timeouts.readMillis())) {
                    throw new TransportTimeoutException(endpoint, "no answer within " + timeouts.read(), null);
                }
            }
        } catch (TpmTransportException e) {
            throw e;
        } catch (IOException e) {
            throw new PeerClosedException(endpoint, "read failed: " + e.getMessage(), e);
        }
    }

    /** Reads one unsigned 32-bit big-endian value as a {@code long}, so sizes cannot turn negative. */
    public long readUint32() throws TpmTransportException {
        return Integer.toUnsignedLong(ByteBuffer.wrap(readFully(4)).getInt());
    }

    @Override
    public void close() {
        closeQuietly(channel, selector);
    }

    /**
     * Waits until the channel is ready for {@code operation}; false on timeout. An interrupt ends the
     * wait with an {@link InterruptedIOException} rather than passing for a timeout.
     */
    private boolean await(int operation, int timeoutMillis) throws IOException {
        SelectionKey key = channel.register(selector, operation);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        try {
            while (true) {
                long remaining = (deadline - System.nanoTime()) / 1_000_000L;
                if (remaining <= 0) {
                    return false;
                }
                if (selector.select(remaining) > 0) {
                    return true;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted while waiting for " + endpoint);
                }
            }
        } finally {
            key.interestOps(0);
            selector.selectedKeys().clear();
        }
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Closing a connection that is already broken has nothing left to report.
        }
    }
}
