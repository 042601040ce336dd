package org.vtpm.tpm.transport.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.transport.EndpointUnavailableException;
import org.vtpm.tpm.transport.FramingException;
import org.vtpm.tpm.transport.HandBuiltCommands;
import org.vtpm.tpm.transport.TpmFrames;

class LinuxTpmDeviceTest {

    @Test
    void aMissingDeviceIsUnavailableWithAClearMessage(@TempDir Path dir) {
        Path missing = dir.resolve("tpmrm0");
        EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class,
                () -> LinuxTpmDevice.open(missing, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE));
        assertEquals(missing.toString(), e.endpoint());
        assertTrue(e.getMessage().contains("no such device"), e.getMessage());
    }

    @Test
    void thisMachineHasNoTpmDevice() {
        assumeFalse(Files.exists(LinuxTpmDevice.RESOURCE_MANAGER), "this machine has a TPM");
        EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class, LinuxTpmDevice::open);
        assertTrue(e.getMessage().startsWith("/dev/tpmrm0: no such device"), e.getMessage());
    }

    @Test
    void aPathThatIsNotADeviceIsUnavailable(@TempDir Path dir) {
        EndpointUnavailableException e = assertThrows(EndpointUnavailableException.class,
                () -> LinuxTpmDevice.open(dir, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE));
        assertTrue(e.getMessage().startsWith(dir + ": cannot open"), e.getMessage());
    }

    /** A FIFO opened read-write hands back what was written: an echo TPM that exercises the framing. */
    @Test
    void writesTheCommandAndReadsOneFrameBack(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        try (LinuxTpmDevice echo = LinuxTpmDevice.open(fifo, TpmFrames.DEFAULT_MAX_RESPONSE_SIZE)) {
            byte[] command = HandBuiltCommands.getRandom8();
            assertArrayEquals(command, echo.transmit(command));
            assertArrayEquals(HandBuiltCommands.startupClear(), echo.transmit(HandBuiltCommands.startupClear()));
        }
    }

    @Test
    void aResponseAboveTheLimitIsAFramingError(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir);
        try (LinuxTpmDevice echo = LinuxTpmDevice.open(fifo, 11)) {
            FramingException e = assertThrows(FramingException.class,
                    () -> echo.transmit(HandBuiltCommands.getRandom8()));
            assertTrue(e.getMessage().contains("response size 12"), e.getMessage());
        }
    }

    private static Path mkfifo(Path dir) throws Exception {
        Path fifo = dir.resolve("tpm-echo");
        Process process = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, process.waitFor());
        return fifo;
    }
}
