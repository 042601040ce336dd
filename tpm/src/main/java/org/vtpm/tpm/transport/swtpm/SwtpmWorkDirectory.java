package org.vtpm.tpm.transport.swtpm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The private temporary directory of one launched swtpm: its log, its console output, its Unix
 * sockets and, unless the caller chose one, its state. Created owner-only, since the state holds the
 * TPM's seeds.
 */
final class SwtpmWorkDirectory {

    private final Path root;

    private SwtpmWorkDirectory(Path root) {
        this.root = root;
    }

    /** A new directory, readable by the owner only (the JDK creates temporary directories so). */
    static SwtpmWorkDirectory create() throws IOException {
        return new SwtpmWorkDirectory(Files.createTempDirectory("swtpm-"));
    }

    Path root() {
        return root;
    }

    Path defaultStateDirectory() {
        return root.resolve("state");
    }

    /** swtpm's own log ({@code --log file=...}). */
    Path logFile() {
        return root.resolve("swtpm.log");
    }

    /** Standard output and error, where swtpm reports what happens before its log is open. */
    Path consoleFile() {
        return root.resolve("console.log");
    }

    Path socket(String name) {
        return root.resolve(name + ".sock");
    }

    /** Console output and log, at most the last {@code maxBytes} of each. */
    String report(int maxBytes) {
        return tail(consoleFile(), maxBytes) + tail(logFile(), maxBytes);
    }

    void delete() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String tail(Path file, int maxBytes) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            channel.position(Math.max(0, size - maxBytes));
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, maxBytes));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // Keep reading: a file channel may return fewer bytes than asked.
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")\n";
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
