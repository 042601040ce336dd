package org.vtpm.tpm.transport.swtpm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;

/** Where a launched swtpm listens, and how its command line says so. */
record SwtpmAddresses(SocketAddress data, SocketAddress control) {

    static final String LOOPBACK = "127.0.0.1";
    private static final int PORT_PAIR_ATTEMPTS = 20;

    static SwtpmAddresses unixSockets(SwtpmWorkDirectory directory) {
        return new SwtpmAddresses(UnixDomainSocketAddress.of(directory.socket("data")),
                UnixDomainSocketAddress.of(directory.socket("ctrl")));
    }

    /**
     * Two adjacent free loopback ports, control right after data: the layout tpm2-tss's
     * {@code swtpm} TCTI assumes. The data port stays bound while its neighbour is probed; the window
     * until swtpm binds both is covered by the launcher's retry.
     */
    static SwtpmAddresses freeLoopbackPorts() throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        for (int attempt = 0; attempt < PORT_PAIR_ATTEMPTS; attempt++) {
            try (ServerSocket data = new ServerSocket(0, 1, loopback)) {
                int port = data.getLocalPort();
                if (port < 65535 && isFree(loopback, port + 1)) {
                    return new SwtpmAddresses(new InetSocketAddress(loopback, port),
                            new InetSocketAddress(loopback, port + 1));
                }
            }
        }
        throw new SwtpmStartException("no two adjacent free ports on " + LOOPBACK + " after " + PORT_PAIR_ATTEMPTS
                + " attempts");
    }

    /** The given data port and the next one for control, on loopback. */
    static SwtpmAddresses loopbackPorts(int dataPort) throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        return new SwtpmAddresses(new InetSocketAddress(loopback, dataPort), new InetSocketAddress(loopback, dataPort + 1));
    }

    /** The value of {@code --server} or {@code --ctrl} for {@code address}. */
    static String listenOption(SocketAddress address) {
        if (address instanceof UnixDomainSocketAddress unix) {
            return "type=unixio,path=" + unix.getPath();
        }
        return "type=tcp,port=" + port(address) + ",bindaddr=" + LOOPBACK;
    }

    static int port(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getPort();
        }
        throw new IllegalStateException("swtpm listens on a Unix socket, not a port: " + address);
    }

    private static boolean isFree(InetAddress address, int port) {
        try {
            new ServerSocket(port, 1, address).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
