package org.vtpm.tpm.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStateStoreTest {

    @TempDir
    Path directory;

    @Test
    void writesReplaceWholeFilesWithTheGivenMode() throws Exception {
        try (DirectoryStateStore store = DirectoryStateStore.open(directory,
                PosixFilePermissions.fromString("rw-------"))) {
            assertFalse(store.load(StatePart.PERMANENT).isPresent());
            store.store(StatePart.PERMANENT, new byte[] {1, 2, 3});
            store.store(StatePart.PERMANENT, new byte[] {4});
            store.store(StatePart.VOLATILE, new byte[0]);
            assertArrayEquals(new byte[] {4}, store.load(StatePart.PERMANENT).orElseThrow());
            assertArrayEquals(new byte[0], store.load(StatePart.VOLATILE).orElseThrow());
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(store.file(StatePart.PERMANENT))));
            store.delete(StatePart.VOLATILE);
            assertFalse(store.load(StatePart.VOLATILE).isPresent());
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(".lock", "vtpm-permanent.state"),
                    files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsOverwritten() throws Exception {
        Files.write(directory.resolve(".vtpm-permanent.state.tmp"), new byte[] {9, 9});
        try (DirectoryStateStore store = DirectoryStateStore.open(directory, DirectoryStateStore.DEFAULT_MODE)) {
            store.store(StatePart.PERMANENT, new byte[] {7});
            assertArrayEquals(new byte[] {7}, store.load(StatePart.PERMANENT).orElseThrow());
        }
        assertFalse(Files.exists(directory.resolve(".vtpm-permanent.state.tmp")));
    }

    @Test
    void aFileTooLargeToBeATpmStateIsRefusedUnread() throws Exception {
        try (DirectoryStateStore store = DirectoryStateStore.open(directory, DirectoryStateStore.DEFAULT_MODE)) {
            try (RandomAccessFile file = new RandomAccessFile(store.file(StatePart.PERMANENT).toFile(), "rw")) {
                file.setLength(DirectoryStateStore.MAX_STATE_FILE_SIZE + 1);
            }
            IOException e = assertThrows(IOException.class, () -> store.load(StatePart.PERMANENT));
            assertTrue(e.getMessage().contains("exceeds the limit"), e.getMessage());
        }
    }
}
