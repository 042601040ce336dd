package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.TpmTransportException;
import org.vtpm.tpm.transport.swtpm.BufferSize;
import org.vtpm.tpm.transport.swtpm.PtmCommand;
import org.vtpm.tpm.transport.swtpm.PtmConfig;
import org.vtpm.tpm.transport.swtpm.PtmException;
import org.vtpm.tpm.transport.swtpm.StateBlob;
import org.vtpm.tpm.transport.swtpm.StateBlobType;
import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/**
 * Our swtpm clients against the server, with libtpms behind it: every control command, the data
 * channel across connections, and the state blob round trip.
 */
class SwtpmProtocolTest {

    private static final int TPM_RC_FAILURE = 0x101;

    @TempDir
    Path stateDirectory;

    private ServedTpm tpm;
    private SwtpmControlChannel control;

    @BeforeEach
    void start() throws Exception {
        tpm = ServedTpm.start(stateDirectory);
        control = new SwtpmControlChannel("127.0.0.1", tpm.port(ServerChannel.SWTPM_CONTROL));
        control.init(false);
        assertEquals(0, HandBuiltCommands.responseCode(transmit(HandBuiltCommands.startupClear())));
    }

    @AfterEach
    void stop() throws Exception {
        tpm.close();
    }

    @Test
    void capabilitiesAreWhatTheServerCarriesOut() throws Exception {
        assertEquals(SwtpmControlProtocol.CAPABILITIES, control.getCapability());
    }

    @Test
    void commandsFlowOverOneAndOverManyConnections() throws Exception {
        try (SwtpmSocketTransport data = dataChannel()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(20, data.transmit(HandBuiltCommands.getRandom8()).length);
            }
        }
        for (int i = 0; i < 20; i++) {
            assertEquals(0, HandBuiltCommands.responseCode(transmit(HandBuiltCommands.getRandom8())));
        }
    }

    @Test
    void pcrValuesOutliveConnections() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {1});
        assertEquals(0, HandBuiltCommands.responseCode(transmit(HandBuiltCommands.pcrExtendSha256(16, digest))));
        byte[] read = transmit(HandBuiltCommands.pcrReadSha256(16));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], digest), HandBuiltCommands.pcrDigest(read));
    }

    @Test
    void localityIsCheckedAndKept() throws Exception {
        control.setLocality(3);
        assertEquals(3, tpm.platform.locality());
        PtmException e = assertThrows(PtmException.class, () -> control.setLocality(5));
        assertEquals(PtmException.TPM_BAD_LOCALITY, e.result());
        assertEquals(3, tpm.platform.locality());
    }

    @Test
    void tpmEstablishedResetsOnlyFromLocalityThreeOrFour() throws Exception {
        assertFalse(control.getTpmEstablished());
        PtmException e = assertThrows(PtmException.class, () -> control.resetTpmEstablished(0));
        assertEquals(PtmException.TPM_BAD_LOCALITY, e.result());
        control.resetTpmEstablished(3);
        assertFalse(control.getTpmEstablished());
    }

    @Test
    void configHasNoKeys() throws Exception {
        assertEquals(new PtmConfig(false, false), control.getConfig());
    }

    @Test
    void bufferSizeChangesOnlyWhileStopped() throws Exception {
        assertEquals(new BufferSize(4096, TpmPlatform.MIN_BUFFER_SIZE, 8192), control.getBufferSize());
        PtmException running = assertThrows(PtmException.class, () -> control.setBufferSize(2048));
        assertEquals(PtmException.TPM_BAD_ORDINAL, running.result());
        control.stop();
        assertEquals(8192, control.setBufferSize(100_000).size());
        assertEquals(TpmPlatform.MIN_BUFFER_SIZE, control.setBufferSize(1).size());
        assertEquals(2048, control.setBufferSize(2048).size());
        control.init(false);
        assertEquals(2048, control.getBufferSize().size());
    }

    @Test
    void aStoppedTpmAnswersFailureAndRefusesRunningOnlyCommands() throws Exception {
        control.stop();
        assertEquals(TPM_RC_FAILURE, HandBuiltCommands.responseCode(transmit(HandBuiltCommands.getRandom8())));
        for (ControlCall call : new ControlCall[] {control::getTpmEstablished, control::storeVolatile,
                () -> control.getStateBlob(StateBlobType.PERMANENT, true)}) {
            PtmException e = assertThrows(PtmException.class, call::run);
            assertEquals(PtmException.TPM_BAD_ORDINAL, e.result());
        }
        control.init(false);
        assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE,
                HandBuiltCommands.responseCode(transmit(HandBuiltCommands.getRandom8())));
    }

    @Test
    void stateBlobsResumeARunningTpm() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {2});
        transmit(HandBuiltCommands.pcrExtendSha256(16, digest));
        StateBlob permanent = control.getStateBlob(StateBlobType.PERMANENT, true);
        StateBlob volatileState = control.getStateBlob(StateBlobType.VOLATILE, true);
        assertEquals(0, control.getStateBlob(StateBlobType.SAVESTATE, true).length());
        assertTrue(permanent.length() > 0 && volatileState.length() > 0);

        control.stop();
        PtmException encrypted = assertThrows(PtmException.class, () -> control.setStateBlob(
                new StateBlob(StateBlobType.VOLATILE, true, volatileState.data())));
        assertEquals(PtmException.TPM_BAD_PARAMETER, encrypted.result());
        control.setStateBlob(permanent);
        control.setStateBlob(volatileState);
        control.setStateBlob(new StateBlob(StateBlobType.SAVESTATE, false, new byte[0]));
        control.init(true);

        byte[] read = transmit(HandBuiltCommands.pcrReadSha256(16));
        assertEquals(0, HandBuiltCommands.responseCode(read));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], digest), HandBuiltCommands.pcrDigest(read));
        assertFalse(tpm.store.load(StatePart.VOLATILE).isPresent(), "init(deleteVolatile) removes it");
    }

    @Test
    void aStateBlobCanBeReadFromAnOffset() throws Exception {
        byte[] whole = control.getStateBlob(StateBlobType.PERMANENT, true).data();
        try (RawConnection raw = new RawConnection(tpm.port(ServerChannel.SWTPM_CONTROL))) {
            raw.send(ByteBuffer.allocate(16).putInt(PtmCommand.GET_STATEBLOB.code()).putInt(1)
                    .putInt(StateBlobType.PERMANENT.code()).putInt(100).array());
            assertEquals(0, raw.readInt());
            assertEquals(0, raw.readInt(), "not encrypted");
            assertEquals(whole.length - 100, raw.readInt());
            assertEquals(whole.length - 100, raw.readInt());
            assertArrayEquals(Arrays.copyOfRange(whole, 100, whole.length), raw.read(whole.length - 100));
        }
    }

    @Test
    void setStateBlobNeedsAStoppedTpm() throws Exception {
        StateBlob permanent = control.getStateBlob(StateBlobType.PERMANENT, true);
        PtmException e = assertThrows(PtmException.class, () -> control.setStateBlob(permanent));
        assertEquals(PtmException.TPM_BAD_ORDINAL, e.result());
    }

    @Test
    void storeVolatileWritesTheVolatileStateFile() throws Exception {
        assertFalse(tpm.store.load(StatePart.VOLATILE).isPresent());
        control.storeVolatile();
        assertTrue(tpm.store.load(StatePart.VOLATILE).isPresent());
    }

    @Test
    void shutdownStopsTheTpmAndAsksTheOwnerToClose() throws Exception {
        control.shutdown();
        tpm.server.shutdownRequested().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertFalse(tpm.platform.isRunning());
    }

    @Test
    void aMeasuredLaunchExtendsPcr17AndSetsTpmEstablished() throws Exception {
        byte[] code = new byte[10_000];
        for (int i = 0; i < code.length; i++) {
            code[i] = (byte) i;
        }
        control.hashStart();
        control.hashData(code);
        control.hashEnd();
        assertTrue(control.getTpmEstablished());
        byte[] read = transmit(HandBuiltCommands.pcrReadSha256(17));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash(code)),
                HandBuiltCommands.pcrDigest(read));
        control.resetTpmEstablished(4);
        assertFalse(control.getTpmEstablished());
    }

    @Test
    void commandsTheServerDoesNotOfferAreBadOrdinals() {
        PtmException e = assertThrows(PtmException.class, control::cancelTpmCommand);
        assertEquals(PtmCommand.CANCEL_TPM_CMD, e.command());
        assertEquals(PtmException.TPM_BAD_ORDINAL, e.result());
    }

    @Test
    void theDisconnectOptionAnswersOneCommandPerConnection(@TempDir Path otherState) throws Exception {
        try (ServedTpm oneShot = ServedTpm.start(otherState, ServedTpm.Protocol.SWTPM,
                ServerOptions.defaults().withDisconnectAfterResponse(true))) {
            oneShot.platform.init(false);
            try (RawConnection raw = new RawConnection(oneShot.port(ServerChannel.SWTPM_DATA))) {
                byte[] twoCommands = new byte[24];
                System.arraycopy(HandBuiltCommands.startupClear(), 0, twoCommands, 0, 12);
                System.arraycopy(HandBuiltCommands.getRandom8(), 0, twoCommands, 12, 12);
                assertEquals(0, HandBuiltCommands.responseCode(raw.send(twoCommands).readTpmResponse()));
                assertTrue(raw.closedByPeer());
            }
        }
    }

    @Test
    void theTerminateOptionAsksForShutdownWhenTheClientLeaves(@TempDir Path otherState) throws Exception {
        try (ServedTpm session = ServedTpm.start(otherState, ServedTpm.Protocol.SWTPM,
                ServerOptions.defaults().withTerminateAfterDataConnection(true))) {
            session.platform.init(false);
            try (SwtpmSocketTransport data = new SwtpmSocketTransport("127.0.0.1",
                    session.port(ServerChannel.SWTPM_DATA))) {
                data.transmit(HandBuiltCommands.startupClear());
            }
            session.server.shutdownRequested().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private byte[] transmit(byte[] command) throws TpmTransportException {
        try (SwtpmSocketTransport data = dataChannel()) {
            return data.transmit(command);
        }
    }

    private SwtpmSocketTransport dataChannel() {
        return new SwtpmSocketTransport("127.0.0.1", tpm.port(ServerChannel.SWTPM_DATA));
    }

    @FunctionalInterface
    private interface ControlCall {
        void run() throws Exception;
    }
}
