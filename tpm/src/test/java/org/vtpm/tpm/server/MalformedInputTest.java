package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.swtpm.PtmCommand;
import org.vtpm.tpm.transport.swtpm.PtmException;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;

/**
 * Bytes no client should send: each gets a well-formed answer with the right code, or a clean
 * disconnect for a frame that cannot be delimited, and the server goes on serving.
 */
class MalformedInputTest {

    private static final int TPM_RC_COMMAND_SIZE = 0x142;
    private static final Duration MESSAGE_TIMEOUT = Duration.ofMillis(300);

    private static Path stateDirectory;
    private static ServedTpm tpm;

    @BeforeAll
    static void start() throws Exception {
        stateDirectory = Files.createTempDirectory("vtpm-malformed");
        tpm = ServedTpm.start(stateDirectory, ServedTpm.Protocol.SWTPM,
                ServerOptions.defaults().withMessageTimeout(MESSAGE_TIMEOUT).withMaxConnections(4));
        tpm.platform.init(false);
        tpm.platform.execute(HandBuiltCommands.startupClear());
    }

    @AfterAll
    static void stop() throws Exception {
        tpm.close();
        TempDirectories.delete(stateDirectory);
    }

    @Test
    void aShortHeaderEndsTheConnectionOnly() throws Exception {
        try (RawConnection raw = data()) {
            raw.send(new byte[] {(byte) 0x80, 0x01, 0, 0}).endOutput();
            assertTrue(raw.closedByPeer());
        }
        assertServing(tpm);
    }

    @Test
    void anAbsurdSizeIsACommandSizeErrorAndADisconnect() throws Exception {
        for (int size : new int[] {0, 9, 8193, 0x7FFFFFFF, 0xFFFFFFFF}) {
            try (RawConnection raw = data()) {
                raw.send(ByteBuffer.allocate(10).putShort((short) 0x8001).putInt(size).putInt(0x17B).array());
                byte[] response = raw.readTpmResponse();
                assertEquals(10, response.length);
                assertEquals(TPM_RC_COMMAND_SIZE, HandBuiltCommands.responseCode(response), "size " + size);
                assertTrue(raw.closedByPeer());
            }
        }
        assertServing(tpm);
    }

    @Test
    void aPeerStallingMidMessageIsDisconnected() throws Exception {
        try (RawConnection raw = data()) {
            raw.send(new byte[] {(byte) 0x80, 0x01, 0, 0, 0, 12});
            long start = System.nanoTime();
            assertTrue(raw.closedByPeer());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
        }
        assertServing(tpm);
    }

    @Test
    void aPeerIdleBetweenMessagesKeepsItsConnection() throws Exception {
        try (RawConnection raw = data()) {
            Thread.sleep(MESSAGE_TIMEOUT.toMillis() * 2);
            byte[] response = raw.send(HandBuiltCommands.getRandom8()).readTpmResponse();
            assertEquals(0, HandBuiltCommands.responseCode(response));
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndLaterOnesServed() throws Exception {
        RawConnection[] open = new RawConnection[4];
        try {
            for (int i = 0; i < open.length; i++) {
                open[i] = data();
                assertEquals(0, HandBuiltCommands.responseCode(
                        open[i].send(HandBuiltCommands.getRandom8()).readTpmResponse()));
            }
            try (RawConnection refused = data()) {
                assertTrue(refused.closedByPeer());
            }
        } finally {
            for (RawConnection connection : open) {
                if (connection != null) {
                    connection.close();
                }
            }
        }
        Thread.sleep(100);
        assertServing(tpm);
    }

    @Test
    void unknownControlCommandsAreBadOrdinalsAndADisconnect() throws Exception {
        try (RawConnection raw = control()) {
            raw.send(ByteBuffer.allocate(4).putInt(0x7777).array());
            assertEquals(PtmException.TPM_BAD_ORDINAL, raw.readInt());
            assertTrue(raw.closedByPeer());
        }
        assertServing(tpm);
    }

    @Test
    void anOversizedStateBlobIsRefusedWithoutReadingIt() throws Exception {
        tpm.platform.stop();
        try (RawConnection raw = control()) {
            raw.send(ByteBuffer.allocate(16).putInt(PtmCommand.SET_STATEBLOB.code()).putInt(0).putInt(1)
                    .putInt(0xFFFFFFF0).array());
            assertEquals(PtmException.TPM_SIZE, raw.readInt());
            assertTrue(raw.closedByPeer());
        } finally {
            tpm.platform.init(false);
            tpm.platform.execute(HandBuiltCommands.startupClear());
        }
        assertServing(tpm);
    }

    @Test
    void aTruncatedControlCommandChangesNothing() throws Exception {
        try (RawConnection raw = control()) {
            raw.send(ByteBuffer.allocate(6).putInt(PtmCommand.INIT.code()).putShort((short) 0).array()).endOutput();
            assertTrue(raw.closedByPeer());
        }
        assertTrue(tpm.platform.isRunning());
        assertServing(tpm);
    }

    @Test
    void controlCommandsFollowEachOtherOnOneConnection() throws Exception {
        try (RawConnection raw = control()) {
            raw.send(ByteBuffer.allocate(5).putInt(PtmCommand.SET_LOCALITY.code()).put((byte) 2).array());
            assertEquals(0, raw.readInt());
            raw.send(ByteBuffer.allocate(5).putInt(PtmCommand.SET_LOCALITY.code()).put((byte) 9).array());
            assertEquals(PtmException.TPM_BAD_LOCALITY, raw.readInt());
            raw.send(ByteBuffer.allocate(4).putInt(PtmCommand.GET_CONFIG.code()).array());
            assertArrayEquals(new byte[8], raw.read(8));
        } finally {
            tpm.platform.setLocality(0);
        }
    }

    static void assertServing(ServedTpm tpm) throws Exception {
        try (RawConnection raw = data(tpm)) {
            byte[] response = raw.send(HandBuiltCommands.getRandom8()).readTpmResponse();
            assertEquals(0, HandBuiltCommands.responseCode(response));
        }
        assertFalse(new SwtpmControlChannel("127.0.0.1", tpm.port(ServerChannel.SWTPM_CONTROL))
                .getCapability().isEmpty());
    }

    private static RawConnection data() throws Exception {
        return data(tpm);
    }

    static RawConnection data(ServedTpm tpm) throws Exception {
        return new RawConnection(tpm.port(ServerChannel.SWTPM_DATA));
    }

    private static RawConnection control() throws Exception {
        return new RawConnection(tpm.port(ServerChannel.SWTPM_CONTROL));
    }
}
