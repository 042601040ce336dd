package org.vtpm.tpm.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link StateStore} in a directory, one file per part ({@code vtpm-permanent.state},
 * {@code vtpm-volatile.state}).
 *
 * <p>A write goes to a temporary file in the same directory, is forced to disk, renamed over the
 * old file and the directory is forced too: after a crash the file holds the old or the new state
 * in full. The store holds an exclusive lock on {@code .lock} while open, so two servers never
 * share (and corrupt) one TPM's state.
 */
public final class DirectoryStateStore implements StateStore, AutoCloseable {

    /** Far above any TPM state (NV memory is tens of KiB); a larger file is not ours. */
    public static final long MAX_STATE_FILE_SIZE = 16L * 1024 * 1024;

    /** swtpm's default for state files: owner read/write, group read. */
    public static final Set<PosixFilePermission> DEFAULT_MODE = PosixFilePermissions.fromString("rw-r-----");

    private static final Map<StatePart, String> FILE_NAMES = Map.of(
            StatePart.PERMANENT, "vtpm-permanent.state",
            StatePart.VOLATILE, "vtpm-volatile.state");

    private final Path directory;
    private final Set<PosixFilePermission> mode;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DirectoryStateStore(Path directory, Set<PosixFilePermission> mode, FileChannel lockChannel,
            FileLock lock) {
        this.directory = directory;
        this.mode = mode;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the store in {@code directory} and locks it.
     *
     * @param mode the permissions of state files
     * @throws IOException when the directory cannot be used or another server holds it
     */
    public static DirectoryStateStore open(Path directory, Set<PosixFilePermission> mode) throws IOException {
        Objects.requireNonNull(mode, "mode");
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Another store in this JVM holds the directory: in use, as much as by another process.
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new FileSystemException(directory.toString(), null, "TPM state directory is in use");
        }
        return new DirectoryStateStore(directory, Set.copyOf(mode), channel, lock);
    }

    public Path directory() {
        return directory;
    }

    /** The file that holds {@code part}. */
    public Path file(StatePart part) {
        return directory.resolve(FILE_NAMES.get(part));
    }

    @Override
    public synchronized Optional<byte[]> load(StatePart part) throws IOException {
        Path file = file(part);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > MAX_STATE_FILE_SIZE) {
                throw new FileSystemException(file.toString(), null, "state file of " + size
                        + " bytes exceeds the limit of " + MAX_STATE_FILE_SIZE);
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new FileSystemException(file.toString(), null, "state file shrank while being read");
                }
            }
            return Optional.of(buffer.array());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void store(StatePart part, byte[] state) throws IOException {
        Path file = file(part);
        Path temporary = directory.resolve("." + file.getFileName() + ".tmp");
        FileAttribute<Set<PosixFilePermission>> permissions = PosixFilePermissions.asFileAttribute(mode);
        Files.deleteIfExists(temporary);
        try (FileChannel channel = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), permissions)) {
            ByteBuffer buffer = ByteBuffer.wrap(state);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceDirectory();
    }

    @Override
    public synchronized void delete(StatePart part) throws IOException {
        if (Files.deleteIfExists(file(part))) {
            forceDirectory();
        }
    }

    /** Makes the rename or removal itself durable, not only the file's contents. */
    private void forceDirectory() throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Releases the lock; the state files stay. */
    @Override
    public synchronized void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    @Override
    public String toString() {
        return "TPM state in " + directory;
    }
}
