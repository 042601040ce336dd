package org.vtpm.tpm.transport.mssim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.ScriptedPeer;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;

/**
 * The mssim framing against a peer that plays the simulator's side of the protocol, logging what
 * it receives. (No simulator is installed here; the engine will serve the real thing.)
 */
class MssimTransportTest {

    private static final byte[] SUCCESS = HexFormat.of().parseHex("80010000000a00000000");
    private static final Timeouts SHORT = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(500));

    private final List<String> log = new CopyOnWriteArrayList<>();

    private void commandPort(DataInputStream in, DataOutputStream out) throws IOException {
        try {
            while (true) {
                int code = in.readInt();
                if (code == MssimTransport.TPM_SESSION_END) {
                    log.add("command:SESSION_END");
                    return;
                }
                int locality = in.readUnsignedByte();
                byte[] command = new byte[in.readInt()];
                in.readFully(command);
                log.add("command:" + code + ":" + locality + ":" + HexFormat.of().formatHex(command));
                out.writeInt(SUCCESS.length);
                out.write(SUCCESS);
                out.writeInt(0);
                out.flush();
            }
        } catch (EOFException e) {
            log.add("command:EOF");
        }
    }

    private void platformPort(DataInputStream in, DataOutputStream out) throws IOException {
        try {
            while (true) {
                int signal = in.readInt();
                log.add("platform:" + signal);
                if (signal == MssimTransport.TPM_SESSION_END) {
                    return;
                }
                out.writeInt(0);
                out.flush();
            }
        } catch (EOFException e) {
            log.add("platform:EOF");
        }
    }

    @Test
    void framesCommandsAndSignalsAndEndsBothSessions() throws Exception {
        try (ScriptedPeer command = new ScriptedPeer(this::commandPort);
                ScriptedPeer platform = new ScriptedPeer(this::platformPort)) {
            MssimTransport tpm = new MssimTransport("127.0.0.1", command.port(), platform.port(), SHORT,
                    TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
            tpm.signal(PlatformSignal.POWER_ON);
            tpm.signal(PlatformSignal.NV_ON);
            tpm.setLocality(2);
            assertArrayEquals(SUCCESS, tpm.transmit(HandBuiltCommands.startupClear()));
            tpm.close();

            awaitLogSize(5);
            assertEquals(List.of("platform:1", "platform:11", "command:8:2:80010000000c000001440000"),
                    log.subList(0, 3));
            // The two sessions end on two sockets served by two threads: their order is not defined.
            assertEquals(Set.of("command:SESSION_END", "platform:20"), Set.copyOf(log.subList(3, 5)));
        }
    }

    @Test
    void aMissingAcknowledgementIsAFramingError() throws Exception {
        try (ScriptedPeer command = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[9 + 12]);
            out.writeInt(SUCCESS.length);
            out.write(SUCCESS);
            out.writeInt(1);
            out.flush();
        })) {
            MssimTransport tpm = new MssimTransport("127.0.0.1", command.port(), 1, SHORT,
                    TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
            FramingException e = assertThrows(FramingException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().contains("acknowledgement 1"), e.getMessage());
            tpm.close();
        }
    }

    @Test
    void anOversizedFrameIsRejectedBeforeAllocation() throws Exception {
        try (ScriptedPeer command = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[9 + 12]);
            out.writeInt(-1);
            out.flush();
        })) {
            MssimTransport tpm = new MssimTransport("127.0.0.1", command.port(), 1, SHORT,
                    TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
            FramingException e = assertThrows(FramingException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
            tpm.close();
        }
    }

    @Test
    void aFrameWhoseHeaderDisagreesWithItsSizeIsRejected() throws Exception {
        try (ScriptedPeer command = new ScriptedPeer((in, out) -> {
            in.readFully(new byte[9 + 12]);
            out.writeInt(12);
            out.write(SUCCESS);
            out.writeShort(0);
            out.writeInt(0);
            out.flush();
        })) {
            MssimTransport tpm = new MssimTransport("127.0.0.1", command.port(), 1, SHORT,
                    TpmFrames.DEFAULT_MAX_RESPONSE_SIZE);
            assertThrows(FramingException.class, () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            tpm.close();
        }
    }

    private void awaitLogSize(int size) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (log.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
