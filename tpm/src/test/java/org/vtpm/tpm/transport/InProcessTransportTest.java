package org.vtpm.tpm.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InProcessTransportTest {

    private static final byte[] SUCCESS = HexFormat.of().parseHex("80010000000a00000000");

    @Test
    void handsCommandAndLocalityToTheProcessor() throws Exception {
        AtomicInteger seenLocality = new AtomicInteger(-1);
        byte[][] seenCommand = new byte[1][];
        TpmCommandProcessor processor = (locality, command) -> {
            seenLocality.set(locality);
            seenCommand[0] = command;
            return SUCCESS.clone();
        };
        try (InProcessTransport transport = new InProcessTransport(processor, "vtpm-1")) {
            transport.setLocality(3);
            byte[] command = HandBuiltCommands.getRandom8();
            assertArrayEquals(SUCCESS, transport.transmit(command));
            assertEquals(3, seenLocality.get());
            assertArrayEquals(command, seenCommand[0]);
        }
    }

    @Test
    void theProcessorCannotChangeTheCallersBuffer() throws Exception {
        byte[] command = HandBuiltCommands.getRandom8();
        try (InProcessTransport transport = new InProcessTransport((locality, c) -> {
            c[11] = 0x7F;
            return SUCCESS.clone();
        }, "vtpm-2")) {
            transport.transmit(command);
        }
        assertArrayEquals(HandBuiltCommands.getRandom8(), command);
    }

    @Test
    void aMalformedResponseIsAFramingError() {
        InProcessTransport transport = new InProcessTransport((locality, c) -> new byte[] {(byte) 0x80, 1},
                "broken");
        FramingException e = assertThrows(FramingException.class,
                () -> transport.transmit(HandBuiltCommands.getRandom8()));
        assertEquals("in-process:broken", e.endpoint());
    }

    @Test
    void aProcessorThatThrowsGivesACheckedError() {
        InProcessTransport transport = new InProcessTransport((locality, c) -> {
            throw new IllegalStateException("engine defect");
        }, "faulty");
        TpmTransportException e = assertThrows(TpmTransportException.class,
                () -> transport.transmit(HandBuiltCommands.getRandom8()));
        assertEquals(IllegalStateException.class, e.getCause().getClass());
    }

    @Test
    void localityIsBoundedAndClosedTransportsRefuse() {
        InProcessTransport transport = new InProcessTransport((locality, c) -> SUCCESS.clone(), "x");
        assertThrows(IllegalArgumentException.class, () -> transport.setLocality(5));
        transport.close();
        assertThrows(PeerClosedException.class, () -> transport.transmit(HandBuiltCommands.getRandom8()));
    }
}
