package org.vtpm.bench.density;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's private memory, the pages no other process shares (Private_Clean plus
 * Private_Dirty in {@code /proc/<pid>/smaps_rollup}): what one more such process costs the machine.
 */
final class PrivateMemory {

    private PrivateMemory() {
    }

    /** In bytes; {@code pid} may be {@code self}. */
    static long of(String pid) throws IOException {
        long kib = 0;
        int found = 0;
        for (String line : Files.readAllLines(Path.of("/proc", pid, "smaps_rollup"), StandardCharsets.US_ASCII)) {
            if (line.startsWith("Private_Clean:") || line.startsWith("Private_Dirty:")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 3 || !fields[2].equals("kB")) {
                    throw new IOException("unexpected line in /proc/" + pid + "/smaps_rollup: " + line);
                }
                try {
                    kib += Long.parseLong(fields[1]);
                } catch (NumberFormatException e) {
                    throw new IOException("unexpected line in /proc/" + pid + "/smaps_rollup: " + line, e);
                }
                found++;
            }
        }
        if (found != 2) {
            throw new IOException("/proc/" + pid + "/smaps_rollup lacks Private_Clean or Private_Dirty");
        }
        return kib * 1024;
    }
}
