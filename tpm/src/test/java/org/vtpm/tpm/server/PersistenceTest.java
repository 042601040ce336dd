package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vtpm.tpm.transport.HandBuiltCommands;

/** The state directory is the TPM: a new process (here, a new swtpm) on the same directory is the same TPM. */
class PersistenceTest {

    @TempDir
    Path stateDirectory;

    @Test
    void nvIndicesSurviveARestartOnAFreshBackend() throws Exception {
        byte[] data = "survives".getBytes(StandardCharsets.US_ASCII);
        try (ServedTpm first = ServedTpm.start(stateDirectory)) {
            first.platform.init(false);
            first.platform.execute(HandBuiltCommands.startupClear());
            assertEquals(0, HandBuiltCommands.responseCode(first.platform.execute(HandBuiltCommands.nvDefineSpace())));
            assertEquals(0, HandBuiltCommands.responseCode(first.platform.execute(HandBuiltCommands.nvWrite(data))));
        }
        assertEquals(List.of(".lock", "vtpm-permanent.state"), fileNames(),
                "the permanent state and nothing half-written");

        try (ServedTpm second = ServedTpm.start(stateDirectory)) {
            second.platform.init(false);
            second.platform.execute(HandBuiltCommands.startupClear());
            byte[] read = second.platform.execute(HandBuiltCommands.nvRead());
            assertEquals(0, HandBuiltCommands.responseCode(read));
            assertArrayEquals(data, HandBuiltCommands.nvReadData(read));
        }
    }

    @Test
    void aNewTpmIsStoredAsSoonAsItIsMade() throws Exception {
        try (ServedTpm tpm = ServedTpm.start(stateDirectory)) {
            tpm.platform.init(false);
            assertTrue(Files.size(stateDirectory.resolve("vtpm-permanent.state")) > 0);
        }
    }

    @Test
    void twoServersNeverShareAStateDirectory() throws Exception {
        try (DirectoryStateStore store = DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE)) {
            IOException e = assertThrows(IOException.class,
                    () -> DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        DirectoryStateStore.open(stateDirectory, DirectoryStateStore.DEFAULT_MODE).close();
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(stateDirectory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
