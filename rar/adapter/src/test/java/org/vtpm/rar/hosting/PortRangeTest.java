package org.vtpm.rar.hosting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortRangeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void emptyMeansAnyFreePort() {
        assertEquals(PortRange.EPHEMERAL, PortRange.parse(""));
        assertEquals(PortRange.EPHEMERAL, PortRange.parse(null));
        assertEquals(new PortRange(40000, 40999), PortRange.parse(" 40000 - 40999 "));
    }

    @Test
    void malformedRangesAreRefusedWithTheirText() {
        for (String bad : new String[] {"40000", "a-b", "5-2", "0-10", "60000-70000", "1-2-3"}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PortRange.parse(bad));
            assertTrue(refused.getMessage().contains("range"), refused.getMessage());
        }
    }

    @Test
    void aPairIsInsideTheRangeAndBothPortsAreFree() throws Exception {
        PortRange range = new PortRange(29100, 29199);
        for (int i = 0; i < 20; i++) {
            int port = range.freePair(LOOPBACK);
            assertTrue(port >= 29100 && port + 1 <= 29199, "port " + port);
            try (ServerSocket data = new ServerSocket(port, 1, LOOPBACK);
                 ServerSocket control = new ServerSocket(port + 1, 1, LOOPBACK)) {
                assertEquals(port + 1, control.getLocalPort());
            }
        }
        int ephemeral = PortRange.EPHEMERAL.freePair(LOOPBACK);
        assertTrue(ephemeral > 0);
    }

    @Test
    void aFullRangeSaysSo() throws Exception {
        try (ServerSocket only = new ServerSocket(0, 1, LOOPBACK)) {
            int taken = only.getLocalPort();
            PortRange tiny = new PortRange(taken, taken + 1);
            assertThrows(java.io.IOException.class, () -> tiny.freePair(LOOPBACK));
        }
    }

    @Test
    void theLastFreePairOfANearlyFullRangeIsFound() throws Exception {
        PortRange range = new PortRange(29300, 29340);
        List<ServerSocket> taken = new ArrayList<>();
        try {
            for (int port = 29300; port <= 29340; port++) {
                if (port != 29317 && port != 29318) {
                    taken.add(new ServerSocket(port, 1, LOOPBACK));
                }
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(29317, range.freePair(LOOPBACK));
            }
        } finally {
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
    }
}
