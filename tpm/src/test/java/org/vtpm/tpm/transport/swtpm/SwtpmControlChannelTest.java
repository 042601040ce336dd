package org.vtpm.tpm.transport.swtpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.Timeouts;

class SwtpmControlChannelTest {

    private SwtpmProcess swtpm;
    private SwtpmControlChannel control;
    private SwtpmSocketTransport tpm;

    @BeforeEach
    void start() throws Exception {
        swtpm = SwtpmProcess.start();
        control = swtpm.controlChannel();
        tpm = swtpm.openDataChannel();
    }

    @AfterEach
    void stop() throws Exception {
        tpm.close();
        swtpm.close();
    }

    @Test
    void getCapabilityListsTheCommandsWeUse() throws Exception {
        Set<PtmCapability> capabilities = control.getCapability();
        assertTrue(capabilities.containsAll(Set.of(PtmCapability.INIT, PtmCapability.SHUTDOWN, PtmCapability.STOP,
                PtmCapability.GET_STATEBLOB, PtmCapability.SET_STATEBLOB, PtmCapability.SET_LOCALITY,
                PtmCapability.HASHING, PtmCapability.SET_BUFFERSIZE, PtmCapability.GET_CONFIG)), capabilities.toString());
    }

    @Test
    void getConfigReportsNoKeys() throws Exception {
        assertEquals(new PtmConfig(false, false), control.getConfig());
    }

    @Test
    void getInfoDescribesATpm20() throws Exception {
        String info = control.getInfo(PtmInfo.TPM_SPECIFICATION);
        assertTrue(info.startsWith("{\"TPMSpecification\":"), info);
        assertTrue(info.contains("\"family\":\"2.0\""), info);
        assertTrue(info.endsWith("}"), "no terminating zero left: " + info);
    }

    @Test
    void bufferSizeCanOnlyBeSetWhileStoppedAndSurvivesInit() throws Exception {
        BufferSize current = control.getBufferSize();
        assertEquals(4096, current.size());
        assertTrue(current.minimum() <= current.size() && current.size() <= current.maximum(), current.toString());

        PtmException running = assertThrows(PtmException.class, () -> control.setBufferSize(3072));
        assertEquals(PtmException.TPM_BAD_ORDINAL, running.result());
        assertEquals(PtmCommand.SET_BUFFERSIZE, running.command());

        control.stop();
        assertEquals(3072, control.setBufferSize(3072).size());
        control.init(false);
        assertEquals(3072, control.getBufferSize().size());
    }

    @Test
    void stopMakesTheTpmUnavailableUntilInit() throws Exception {
        assertFalse(control.getTpmEstablished());
        control.stop();
        PtmException stopped = assertThrows(PtmException.class, control::getTpmEstablished);
        assertEquals(PtmException.TPM_BAD_ORDINAL, stopped.result());
        assertTrue(stopped.getMessage().contains("TPM_BAD_ORDINAL"), stopped.getMessage());

        control.init(true);
        assertFalse(control.getTpmEstablished());
        // CMD_INIT is a power cycle: the TPM wants TPM2_Startup again (startup-clear acts at launch only).
        assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE,
                HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.startupClear())));
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
    }

    @Test
    void setLocalityChecksTheRange() throws Exception {
        control.setLocality(3);
        control.setLocality(0);
        PtmException e = assertThrows(PtmException.class, () -> control.setLocality(5));
        assertEquals(PtmException.TPM_BAD_LOCALITY, e.result());
    }

    @Test
    void drtmHashSequenceExtendsPcr17AndSetsTheEstablishedBit() throws Exception {
        byte[] data = new byte[SwtpmControlChannel.HASH_CHUNK + 904];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        assertFalse(control.getTpmEstablished());

        control.hashStart();
        control.hashData(data);
        control.hashEnd();

        assertTrue(control.getTpmEstablished());
        // After startup the sequence is a DRTM event: PCR 17 is reset to zero, then extended.
        byte[] expected = HashAlgorithm.SHA256.hash(new byte[32], HashAlgorithm.SHA256.hash(data));
        byte[] pcr17 = tpm.transmit(HandBuiltCommands.pcrReadSha256(17));
        assertEquals(0, HandBuiltCommands.responseCode(pcr17));
        assertArrayEquals(expected, HandBuiltCommands.pcrDigest(pcr17));

        control.resetTpmEstablished(3);
        assertFalse(control.getTpmEstablished());
    }

    @Test
    void storeVolatileWritesTheVolatileStateFile() throws Exception {
        assertFalse(Files.exists(swtpm.stateDirectory().resolve("tpm2-00.volatilestate")));
        control.storeVolatile();
        assertTrue(Files.exists(swtpm.stateDirectory().resolve("tpm2-00.volatilestate")));
    }

    @Test
    void cancelWithNothingToCancelSucceeds() throws Exception {
        control.cancelTpmCommand();
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
    }

    @Test
    void shutdownEndsTheProcess() throws Exception {
        control.shutdown();
        assertTrue(swtpm.waitForExit(Duration.ofSeconds(5)));
    }

    @Test
    void permanentBlobCarriesNvIntoAFreshSwtpm() throws Exception {
        byte[] data = HexBytes.of("cafebabe00c0ffee");
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvDefineSpace())));
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvWrite(data))));

        StateBlob permanent = control.getStateBlob(StateBlobType.PERMANENT, false);
        assertEquals(StateBlobType.PERMANENT, permanent.type());
        assertFalse(permanent.encrypted());
        assertTrue(permanent.length() > 1000, permanent.toString());

        try (SwtpmProcess target = SwtpmProcess.start();
                SwtpmSocketTransport targetTpm = target.openDataChannel()) {
            SwtpmControlChannel targetControl = target.controlChannel();
            assertNotEquals(0, HandBuiltCommands.responseCode(targetTpm.transmit(HandBuiltCommands.nvRead())),
                    "a fresh TPM has no such index");

            PtmException running = assertThrows(PtmException.class, () -> targetControl.setStateBlob(permanent));
            assertEquals(PtmException.TPM_BAD_ORDINAL, running.result());

            targetControl.stop();
            targetControl.setStateBlob(permanent);
            targetControl.init(false);
            assertEquals(0, HandBuiltCommands.responseCode(targetTpm.transmit(HandBuiltCommands.startupClear())));

            byte[] read = targetTpm.transmit(HandBuiltCommands.nvRead());
            assertEquals(0, HandBuiltCommands.responseCode(read));
            assertArrayEquals(data, HandBuiltCommands.nvReadData(read));
        }
    }

    @Test
    void volatileBlobCarriesPcrValuesIntoAFreshSwtpm() throws Exception {
        byte[] digest = HashAlgorithm.SHA256.hash(new byte[] {1, 2, 3});
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.pcrExtendSha256(16, digest))));
        byte[] pcr16 = HandBuiltCommands.pcrDigest(tpm.transmit(HandBuiltCommands.pcrReadSha256(16)));
        assertArrayEquals(HashAlgorithm.SHA256.hash(new byte[32], digest), pcr16);

        StateBlob permanent = control.getStateBlob(StateBlobType.PERMANENT, false);
        StateBlob running = control.getStateBlob(StateBlobType.VOLATILE, false);
        assertEquals(StateBlobType.VOLATILE, running.type());

        try (SwtpmProcess target = SwtpmProcess.start(SwtpmOptions.defaults().withStartupClear(false));
                SwtpmSocketTransport targetTpm = target.openDataChannel()) {
            SwtpmControlChannel targetControl = target.controlChannel();
            targetControl.stop();
            targetControl.setStateBlob(permanent);
            targetControl.setStateBlob(running);
            targetControl.init(true);

            // The volatile state resumes the running TPM: no TPM2_Startup, PCRs as they were.
            byte[] moved = targetTpm.transmit(HandBuiltCommands.pcrReadSha256(16));
            assertEquals(0, HandBuiltCommands.responseCode(moved));
            assertArrayEquals(pcr16, HandBuiltCommands.pcrDigest(moved));
        }
    }

    @Test
    void stateBlobsNeedARunningTpm() throws Exception {
        control.stop();
        PtmException e = assertThrows(PtmException.class, () -> control.getStateBlob(StateBlobType.PERMANENT, false));
        assertEquals(PtmException.TPM_BAD_ORDINAL, e.result());
        assertEquals(PtmCommand.GET_STATEBLOB, e.command());
    }

    @Test
    void aBlobLargerThanTheLimitIsAProtocolErrorNotAnAllocation() throws Exception {
        SwtpmControlChannel small = new SwtpmControlChannel(swtpm.controlAddress(), Timeouts.DEFAULT, 512);
        FramingException e = assertThrows(FramingException.class,
                () -> small.getStateBlob(StateBlobType.PERMANENT, false));
        assertTrue(e.getMessage().contains("exceeds the limit of 512"), e.getMessage());
        assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
    }
}
