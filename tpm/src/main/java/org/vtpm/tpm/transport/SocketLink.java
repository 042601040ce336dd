package org.vtpm.tpm.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * One TCP connection to a TPM endpoint with the error mapping every socket transport shares:
 * refused connections, timeouts and a vanished peer become the typed exceptions of this package,
 * each naming the endpoint.
 */
public final class SocketLink implements AutoCloseable {

    private final String endpoint;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private SocketLink(String endpoint, Socket socket) throws IOException {
        this.endpoint = endpoint;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code host:port}, waiting at most {@link Timeouts#connect()}. */
    public static SocketLink connect(String host, int port, Timeouts timeouts) throws TpmTransportException {
        String endpoint = "tcp:" + host + ":" + port;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeouts.readMillis());
            socket.connect(new InetSocketAddress(host, port), timeouts.connectMillis());
            return new SocketLink(endpoint, socket);
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new TransportTimeoutException(endpoint, "no connection within " + timeouts.connect(), e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            throw new EndpointUnavailableException(endpoint, "connection refused or unreachable", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new EndpointUnavailableException(endpoint, "cannot connect: " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public void write(byte[] bytes) throws TpmTransportException {
        try {
            out.write(bytes);
            out.flush();
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

    public void readFully(byte[] buffer, int offset, int length) throws TpmTransportException {
        try {
            int done = 0;
            while (done < length) {
                int n = in.read(buffer, offset + done, length - done);
                if (n < 0) {
                    throw new EOFException();
                }
                done += n;
            }
        } catch (SocketTimeoutException e) {
            throw new TransportTimeoutException(endpoint, "no answer within " + socketTimeout(), e);
        } catch (EOFException e) {
            throw new PeerClosedException(endpoint, "connection closed by peer", e);
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
        closeQuietly(socket);
    }

    private String socketTimeout() {
        try {
            return socket.getSoTimeout() + " ms";
        } catch (IOException e) {
            return "the read timeout";
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket that is already broken has nothing left to report.
        }
    }
}
