package org.vtpm.tpm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * swtpm's {@code --pid file=}: written once the TPM listens, whole or not at all, so whoever waits
 * for the file never reads a partial number; removed at exit.
 */
final class PidFile {

    private PidFile() {
    }

    static void write(Path file, long pid) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temporary, pid + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes the file if it still names this process; a successor's file stays. */
    static void remove(Path file, long pid) throws IOException {
        try {
            if (Files.readString(file, StandardCharsets.US_ASCII).strip().equals(Long.toString(pid))) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            // already gone: nothing to remove
        }
    }
}
