package org.vtpm.tpm.transport.swtpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.transport.EndpointUnavailableException;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.TpmTransportException;

class SwtpmProcessTest {

    @Test
    void answersGetRandomAndRejectsASecondStartup() throws Exception {
        try (SwtpmProcess swtpm = SwtpmProcess.start();
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            assertNotEquals(swtpm.dataPort(), swtpm.controlPort());

            byte[] random = tpm.transmit(HandBuiltCommands.getRandom8());
            assertEquals(HandBuiltCommands.TPM_ST_NO_SESSIONS, HandBuiltCommands.tag(random));
            assertEquals(HandBuiltCommands.TPM_RC_SUCCESS, HandBuiltCommands.responseCode(random));
            assertEquals(20, HandBuiltCommands.responseSize(random));
            assertEquals(20, random.length);
            assertEquals(8, ((random[10] & 0xFF) << 8) | (random[11] & 0xFF), "TPM2B size of randomBytes");

            byte[] again = tpm.transmit(HandBuiltCommands.getRandom8());
            assertFalse(java.util.Arrays.equals(random, again), "two GetRandom answers must differ");

            // startup-clear already sent TPM2_Startup, so a second one is TPM_RC_INITIALIZE.
            byte[] startup = tpm.transmit(HandBuiltCommands.startupClear());
            assertEquals(HandBuiltCommands.TPM_RC_INITIALIZE, HandBuiltCommands.responseCode(startup));
        }
    }

    @Test
    void withoutStartupClearTheFirstStartupSucceeds() throws Exception {
        try (SwtpmProcess swtpm = SwtpmProcess.start(SwtpmOptions.defaults().withStartupClear(false));
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            byte[] startup = tpm.transmit(HandBuiltCommands.startupClear());
            assertArrayEquals(HexBytes.of("80010000000a00000000"), startup);
        }
    }

    @Test
    void withoutNotNeedInitTheTpmWaitsForCmdInit() throws Exception {
        SwtpmOptions options = SwtpmOptions.defaults().withNotNeedInit(false).withStartupClear(false);
        try (SwtpmProcess swtpm = SwtpmProcess.start(options);
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            SwtpmControlChannel control = swtpm.controlChannel();
            PtmException notRunning = assertThrows(PtmException.class, control::getTpmEstablished);
            assertEquals(PtmException.TPM_BAD_ORDINAL, notRunning.result());

            control.init(false);
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.startupClear())));
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
        }
    }

    @Test
    void servesBothChannelsOnPrivateUnixSockets() throws Exception {
        SwtpmOptions options = SwtpmOptions.defaults().withSocketType(SwtpmSocketType.UNIX);
        try (SwtpmProcess swtpm = SwtpmProcess.start(options);
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            UnixDomainSocketAddress data = (UnixDomainSocketAddress) swtpm.dataAddress();
            assertTrue(Files.exists(data.getPath()));
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.getPath().getParent())));
            assertTrue(tpm.endpoint().startsWith("unix:/"), tpm.endpoint());

            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
            assertTrue(swtpm.controlChannel().getCapability().contains(PtmCapability.GET_STATEBLOB));
            assertThrows(IllegalStateException.class, swtpm::dataPort);
        }
    }

    @Test
    void closeStopsTheProcessAndRemovesTemporaryState() throws Exception {
        SwtpmProcess swtpm = SwtpmProcess.start();
        long pid = swtpm.pid();
        Path state = swtpm.stateDirectory();
        assertTrue(Files.isDirectory(state));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

        swtpm.close();

        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(Files.exists(state));
        swtpm.close();
    }

    @Test
    void aGivenStateDirectoryOutlivesTheProcessAndKeepsNv(@TempDir Path state) throws Exception {
        SwtpmOptions options = SwtpmOptions.defaults().withStateDirectory(state);
        byte[] data = HexBytes.of("0123456789abcdef");
        try (SwtpmProcess swtpm = SwtpmProcess.start(options);
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvDefineSpace())));
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.nvWrite(data))));
        }
        assertTrue(Files.exists(state.resolve("tpm2-00.permall")));
        try (SwtpmProcess swtpm = SwtpmProcess.start(options);
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            byte[] read = tpm.transmit(HandBuiltCommands.nvRead());
            assertEquals(0, HandBuiltCommands.responseCode(read));
            assertArrayEquals(data, HandBuiltCommands.nvReadData(read));
        }
    }

    @Test
    void aKilledSwtpmGivesCleanErrorsNamingTheEndpoint() throws Exception {
        try (SwtpmProcess swtpm = SwtpmProcess.start();
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            tpm.transmit(HandBuiltCommands.getRandom8());
            ProcessHandle handle = ProcessHandle.of(swtpm.pid()).orElseThrow();
            handle.destroyForcibly();
            handle.onExit().get(5, TimeUnit.SECONDS);

            TpmTransportException data = assertThrows(TpmTransportException.class,
                    () -> tpm.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(data.getMessage().contains("127.0.0.1:" + swtpm.dataPort()), data.getMessage());

            EndpointUnavailableException control = assertThrows(EndpointUnavailableException.class,
                    () -> swtpm.controlChannel().getCapability());
            assertTrue(control.getMessage().contains("127.0.0.1:" + swtpm.controlPort()), control.getMessage());

            // The broken connection was dropped: the next call fails on connect, not on a stale stream.
            assertThrows(EndpointUnavailableException.class, () -> tpm.transmit(HandBuiltCommands.getRandom8()));
        }
    }

    @Test
    void aProcessThatDiesAtStartIsReportedWithItsOutput(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake-swtpm");
        Files.writeString(fake, "#!/bin/sh\necho 'fake swtpm: cannot start' >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));

        SwtpmStartException e = assertThrows(SwtpmStartException.class,
                () -> SwtpmProcess.start(SwtpmOptions.defaults().withExecutable(fake.toString())));
        assertTrue(e.getMessage().contains("status 3"), e.getMessage());
        assertTrue(e.getMessage().contains("fake swtpm: cannot start"), e.getMessage());
    }

    /** The first launch loses a port race the way swtpm reports it; the launcher retries on new ports. */
    @Test
    void aLostPortRaceIsRetried(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("first-launch-done");
        Path racy = dir.resolve("racy-swtpm");
        Files.writeString(racy, "#!/bin/sh\n"
                + "if [ ! -e '" + marker + "' ]; then\n"
                + "  touch '" + marker + "'\n"
                + "  echo 'swtpm: Could not open TCP socket: Address already in use' >&2\n"
                + "  exit 1\n"
                + "fi\n"
                + "exec swtpm \"$@\"\n");
        Files.setPosixFilePermissions(racy, PosixFilePermissions.fromString("rwx------"));

        try (SwtpmProcess swtpm = SwtpmProcess.start(SwtpmOptions.defaults().withExecutable(racy.toString()));
                SwtpmSocketTransport tpm = swtpm.openDataChannel()) {
            assertTrue(Files.exists(marker));
            assertEquals(0, HandBuiltCommands.responseCode(tpm.transmit(HandBuiltCommands.getRandom8())));
        }
    }

    @Test
    void aStateDirectorySwtpmCannotParseIsRefused(@TempDir Path dir) {
        SwtpmStartException e = assertThrows(SwtpmStartException.class,
                () -> SwtpmProcess.start(SwtpmOptions.defaults().withStateDirectory(dir.resolve("a,b"))));
        assertTrue(e.getMessage().contains("','"), e.getMessage());
    }

    @Test
    void aMissingExecutableIsReported() {
        SwtpmStartException e = assertThrows(SwtpmStartException.class,
                () -> SwtpmProcess.start(SwtpmOptions.defaults().withExecutable("/nonexistent/swtpm")));
        assertTrue(e.getMessage().contains("/nonexistent/swtpm"), e.getMessage());
    }
}
