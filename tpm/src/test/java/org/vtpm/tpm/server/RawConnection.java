package org.vtpm.tpm.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A plain TCP connection for sending what no well-behaved client would. */
final class RawConnection implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    RawConnection(int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setSoTimeout(5000);
        in = new DataInputStream(socket.getInputStream());
    }

    RawConnection send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Signals the end of what we send, as a client that gave up would. */
    void endOutput() throws IOException {
        socket.shutdownOutput();
    }

    byte[] read(int length) throws IOException {
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    int readInt() throws IOException {
        return in.readInt();
    }

    /** One TPM response: header, then the rest its size announces. */
    byte[] readTpmResponse() throws IOException {
        byte[] header = read(10);
        int size = ((header[2] & 0xFF) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        if (size < 10 || size > 65536) {
            throw new IOException("malformed response size " + size);
        }
        byte[] response = new byte[size];
        System.arraycopy(header, 0, response, 0, 10);
        in.readFully(response, 10, size - 10);
        return response;
    }

    /** Whether the server closed the connection within the read timeout. */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    void setReadTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
