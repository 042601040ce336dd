package org.vtpm.tpm.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;

/** A listening socket: TCP, or a Unix domain socket whose file is removed again on close. */
abstract class Listener implements AutoCloseable {

    /** Waits for the next connection; fails once the listener is closed. */
    abstract Connection accept(Duration timeout) throws IOException;

    /** Where it listens, with the port actually bound for TCP. */
    abstract SocketAddress address();

    abstract boolean isClosed();

    @Override
    public abstract void close();

    static Listener bind(SocketAddress address) throws IOException {
        try {
            if (address instanceof UnixDomainSocketAddress unix) {
                return UnixListener.bind(unix);
            }
            return TcpListener.bind((InetSocketAddress) address);
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    private static final class TcpListener extends Listener {
        private final ServerSocket socket;

        private TcpListener(ServerSocket socket) {
            this.socket = socket;
        }

        static TcpListener bind(InetSocketAddress address) throws IOException {
            ServerSocket socket = new ServerSocket();
            try {
                socket.setReuseAddress(true);
                socket.bind(address);
                return new TcpListener(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        Connection accept(Duration timeout) throws IOException {
            return Connection.of(socket.accept(), timeout);
        }

        @Override
        SocketAddress address() {
            return socket.getLocalSocketAddress();
        }

        @Override
        boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Nothing is left to release.
            }
        }
    }

    private static final class UnixListener extends Listener {
        /** File type bits of {@code st_mode}, and the type of a socket (POSIX {@code sys/stat.h}). */
        private static final int S_IFMT = 0170000;
        private static final int S_IFSOCK = 0140000;

        private final ServerSocketChannel channel;
        private final UnixDomainSocketAddress address;

        private UnixListener(ServerSocketChannel channel, UnixDomainSocketAddress address) {
            this.channel = channel;
            this.address = address;
        }

        static UnixListener bind(UnixDomainSocketAddress address) throws IOException {
            removeStaleSocket(address);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.bind(address);
                return new UnixListener(channel, address);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }

        /**
         * A socket file nobody accepts on is left from a server that died; binding needs it gone.
         * A socket a live server answers on, or a file that is no socket, stays, and binding fails.
         */
        private static void removeStaleSocket(UnixDomainSocketAddress address) throws IOException {
            Path path = address.getPath();
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if ((mode & S_IFMT) != S_IFSOCK) {
                throw new IOException(path + " exists and is not a socket");
            }
            boolean live;
            try (SocketChannel probe = SocketChannel.open(address)) {
                live = true;
            } catch (IOException e) {
                live = false;
            }
            if (live) {
                throw new IOException("another server listens on " + path);
            }
            Files.delete(path);
        }

        @Override
        Connection accept(Duration timeout) throws IOException {
            return Connection.of(channel.accept(), timeout);
        }

        @Override
        SocketAddress address() {
            return address;
        }

        @Override
        boolean isClosed() {
            return !channel.isOpen();
        }

        @Override
        public void close() {
            try {
                channel.close();
                Files.deleteIfExists(address.getPath());
            } catch (IOException e) {
                // Nothing is left to release but a socket file, which the next bind removes.
            }
        }
    }
}
