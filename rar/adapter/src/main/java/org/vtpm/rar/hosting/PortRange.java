package org.vtpm.rar.hosting;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where front ends may listen: any free port, or a configured range (firewalls and hypervisor
 * configurations often allow one). Ports are taken in adjacent pairs, since clients find the
 * second channel right after the first.
 */
public record PortRange(int first, int last) {

    /** Any free port the system offers. */
    public static final PortRange EPHEMERAL = new PortRange(0, 0);

    private static final int EPHEMERAL_PROBES = 64;

    public PortRange {
        if (!(first == 0 && last == 0) && (first < 1 || last > 65535 || last <= first)) {
            throw new IllegalArgumentException("a port range needs 1 <= first < last <= 65535: " + first + "-" + last);
        }
    }

    /** "" for any free port, or "first-last". */
    public static PortRange parse(String text) {
        if (text == null || text.isBlank()) {
            return EPHEMERAL;
        }
        String[] bounds = text.trim().split("-");
        if (bounds.length != 2) {
            throw new IllegalArgumentException("expected a port range like 40000-40999, got '" + text + "'");
        }
        try {
            return new PortRange(Integer.parseInt(bounds[0].trim()), Integer.parseInt(bounds[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port range like 40000-40999, got '" + text + "'", e);
        }
    }

    /** A port whose successor looks free as well; the bind that follows may still lose a race. */
    int freePair(InetAddress address) throws IOException {
        if (this.equals(EPHEMERAL)) {
            // the system hands out ports in no order, so on a busy host a neighbour is often taken
            for (int probe = 0; probe < EPHEMERAL_PROBES; probe++) {
                try (ServerSocket socket = new ServerSocket(0, 1, address)) {
                    int port = socket.getLocalPort();
                    if (port < 65535 && isFree(address, port + 1)) {
                        return port;
                    }
                }
            }
            throw new IOException("no two adjacent free ports on " + address.getHostAddress() + " after "
                    + EPHEMERAL_PROBES + " tries");
        }
        // every pair once, from a random start: a nearly full range still yields its last free pair
        int pairs = last - first;
        int start = ThreadLocalRandom.current().nextInt(pairs);
        for (int step = 0; step < pairs; step++) {
            int port = first + (start + step) % pairs;
            if (isFree(address, port) && isFree(address, port + 1)) {
                return port;
            }
        }
        throw new IOException("no two adjacent free ports in " + first + "-" + last + " on " + address.getHostAddress());
    }

    private static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, address)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
