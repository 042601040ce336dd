package org.vtpm.tpm.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * One accepted connection as a pair of streams whose reads time out after the message timeout:
 * a TCP socket (with {@code SO_TIMEOUT}) or a Unix domain socket channel (with a selector, since
 * such channels have no socket adaptor to carry a timeout).
 */
abstract class Connection implements AutoCloseable {

    abstract InputStream input() throws IOException;

    abstract OutputStream output() throws IOException;

    /** The peer, for log lines. */
    abstract String peer();

    /** Closes the connection; a thread blocked reading it gets an exception at once. */
    @Override
    public abstract void close();

    static Connection of(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout(millis(timeout));
        socket.setTcpNoDelay(true);
        return new TcpConnection(socket);
    }

    static Connection of(SocketChannel channel, Duration timeout) throws IOException {
        return new ChannelConnection(channel, millis(timeout));
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static final class TcpConnection extends Connection {
        private final Socket socket;

        TcpConnection(Socket socket) {
            this.socket = socket;
        }

        @Override
        InputStream input() throws IOException {
            return socket.getInputStream();
        }

        @Override
        OutputStream output() throws IOException {
            return socket.getOutputStream();
        }

        @Override
        String peer() {
            return String.valueOf(socket.getRemoteSocketAddress());
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all that is left to do with this socket; there is no one to tell.
            }
        }
    }

    private static final class ChannelConnection extends Connection {
        private final SocketChannel channel;
        private final int timeoutMillis;
        private final Selector readable;
        private final Selector writable;

        ChannelConnection(SocketChannel channel, int timeoutMillis) throws IOException {
            this.channel = channel;
            this.timeoutMillis = timeoutMillis;
            channel.configureBlocking(false);
            this.readable = Selector.open();
            this.writable = Selector.open();
            channel.register(readable, SelectionKey.OP_READ);
            channel.register(writable, SelectionKey.OP_WRITE);
        }

        @Override
        InputStream input() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    if (length == 0) {
                        return 0;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                    while (true) {
                        int n = channel.read(buffer);
                        if (n != 0) {
                            return n;
                        }
                        await(readable, "read");
                    }
                }
            };
        }

        @Override
        OutputStream output() {
            return new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                    while (buffer.hasRemaining()) {
                        if (channel.write(buffer) == 0) {
                            await(writable, "write");
                        }
                    }
                }
            };
        }

        private void await(Selector selector, String what) throws IOException {
            if (!channel.isOpen()) {
                throw new IOException("connection closed");
            }
            int ready = selector.select(timeoutMillis);
            selector.selectedKeys().clear();
            if (ready == 0) {
                throw new SocketTimeoutException(what + " timed out");
            }
        }

        @Override
        String peer() {
            return "unix socket peer";
        }

        @Override
        public void close() {
            readable.wakeup();
            writable.wakeup();
            for (AutoCloseable resource : new AutoCloseable[] {channel, readable, writable}) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // Closing is all that is left to do with it; there is no one to tell.
                }
            }
        }
    }
}
