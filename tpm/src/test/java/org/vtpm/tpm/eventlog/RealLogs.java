package org.vtpm.tpm.eventlog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real event logs of {@code shared/data/eventlogs}, found through the {@code vtpm.eventlogs}
 * system property the build sets. A missing folder fails the tests that need it instead of
 * skipping them.
 */
public final class RealLogs {

    public static final String CRYPTO_AGILE = "crypto_agile_eventlog.bin";
    public static final String COREOS = "coreos_36_shielded_vm_no_secure_boot_eventlog.bin";
    public static final String SB_CERT = "sb_cert_eventlog.bin";
    public static final String OPTION_ROM = "option_rom_eventlog.bin";
    public static final String EBS_MISSING = "ebs_event_missing_eventlog.bin";
    public static final String SHORT_NO_ACTION = "short_no_action_eventlog.bin";

    private RealLogs() {
    }

    public static Path folder() {
        Path folder = Path.of(System.getProperty("vtpm.eventlogs", "../../shared/data/eventlogs"));
        assertTrue(Files.isDirectory(folder), "the real event logs are missing: no folder " + folder.toAbsolutePath());
        return folder;
    }

    public static Path path(String name) {
        Path path = folder().resolve(name);
        assertTrue(Files.isRegularFile(path), "missing real event log " + path.toAbsolutePath());
        return path;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.bin} file of the folder, by name. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".bin"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
