package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.mssim.MssimTransport;
import org.vtpm.tpm.transport.mssim.PlatformSignal;

/** Our mssim client against the server's command and platform ports, libtpms behind them. */
class MssimProtocolTest {

    private static final int TPM_RC_FAILURE = 0x101;
    private static final int TPM_RC_LOCALITY = 0x907;
    private static final int TPM_RC_COMMAND_SIZE = 0x142;

    @TempDir
    Path stateDirectory;

    private ServedTpm tpm;
    private MssimTransport mssim;

    @BeforeEach
    void start() throws Exception {
        tpm = ServedTpm.start(stateDirectory, ServedTpm.Protocol.MSSIM, ServerOptions.defaults());
    }

    @AfterEach
    void stop() throws Exception {
        if (mssim != null) {
            mssim.close();
        }
        tpm.close();
    }

    @Test
    void powerOnIsIdempotentAsToolsExpect() throws Exception {
        mssim = connect();
        mssim.signal(PlatformSignal.POWER_ON);
        mssim.signal(PlatformSignal.NV_ON);
        assertEquals(0, HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.startupClear())));
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {3});
        assertEquals(0, HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.pcrExtendSha256(16, digest))));
        mssim.close();

        mssim = connect();
        mssim.signal(PlatformSignal.POWER_ON);
        mssim.signal(PlatformSignal.NV_ON);
        byte[] read = mssim.transmit(HandBuiltCommands.pcrReadSha256(16));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], digest), HandBuiltCommands.pcrDigest(read));
    }

    @Test
    void powerOffAndResetCycleTheTpm() throws Exception {
        mssim = connect();
        mssim.signal(PlatformSignal.POWER_ON);
        mssim.transmit(HandBuiltCommands.startupClear());
        mssim.signal(PlatformSignal.POWER_OFF);
        assertEquals(TPM_RC_FAILURE, HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
        mssim.signal(PlatformSignal.POWER_ON);
        assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE,
                HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
        mssim.transmit(HandBuiltCommands.startupClear());
        mssim.signal(PlatformSignal.RESET);
        assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE,
                HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
    }

    @Test
    void localitiesBeyondFourAreRefused() throws Exception {
        mssim = connect();
        mssim.signal(PlatformSignal.POWER_ON);
        mssim.transmit(HandBuiltCommands.startupClear());
        mssim.setLocality(3);
        assertEquals(0, HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
        mssim.setLocality(32);
        assertEquals(TPM_RC_LOCALITY, HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
    }

    @Test
    void hashSignalsMeasureIntoPcr17() throws Exception {
        tpm.platform.init(false);
        tpm.platform.execute(HandBuiltCommands.startupClear());
        byte[] code = "measured launch".getBytes(StandardCharsets.US_ASCII);
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.MSSIM_COMMAND))) {
            raw.send(ByteBuffer.allocate(4).putInt(5).array());
            assertEquals(0, raw.readInt());
            raw.send(ByteBuffer.allocate(8 + code.length).putInt(6).putInt(code.length).put(code).array());
            assertEquals(0, raw.readInt());
            raw.send(ByteBuffer.allocate(4).putInt(7).array());
            assertEquals(0, raw.readInt());
        }
        mssim = connect();
        byte[] read = mssim.transmit(HandBuiltCommands.pcrReadSha256(17));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash(code)),
                HandBuiltCommands.pcrDigest(read));
    }

    @Test
    void theHandshakeAnswersAndSessionEndCloses() throws Exception {
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.MSSIM_COMMAND))) {
            raw.send(ByteBuffer.allocate(8).putInt(15).putInt(1).array());
            assertEquals(1, raw.readInt(), "server version");
            assertEquals(1, raw.readInt(), "platform available");
            assertEquals(0, raw.readInt());
            raw.send(ByteBuffer.allocate(4).putInt(20).array());
            assertTrue(raw.closedByPeer());
        }
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.MSSIM_PLATFORM))) {
            raw.send(ByteBuffer.allocate(8).putInt(11).putInt(20).array());
            assertEquals(0, raw.readInt());
            assertTrue(raw.closedByPeer());
        }
    }

    @Test
    void anAbsurdCommandSizeIsAFramedErrorAndADisconnect() throws Exception {
        tpm.platform.init(false);
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.MSSIM_COMMAND))) {
            raw.send(ByteBuffer.allocate(9).putInt(8).put((byte) 0).putInt(0x7FFFFFFF).array());
            assertEquals(10, raw.readInt());
            assertEquals(TPM_RC_COMMAND_SIZE, HandBuiltCommands.responseCode(raw.read(10)));
            assertEquals(0, raw.readInt());
            assertTrue(raw.closedByPeer());
        }
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.MSSIM_PLATFORM))) {
            raw.send(ByteBuffer.allocate(4).putInt(0x4242).array());
            assertTrue(raw.closedByPeer());
        }
        mssim = connect();
        assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE,
                HandBuiltCommands.responseCode(mssim.transmit(HandBuiltCommands.getRandom8())));
    }

    private MssimTransport connect() {
        return new MssimTransport("127.0.0.1", tpm.port(ServerChannel.MSSIM_COMMAND));
    }
}
