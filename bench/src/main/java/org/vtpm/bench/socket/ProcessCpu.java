package org.vtpm.bench.socket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's own CPU accounting, user plus system time over all its threads, from
 * {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks; proc(5)).
 */
final class ProcessCpu {

    private static final int UTIME_AFTER_COMM = 11;
    private static final int STIME_AFTER_COMM = 12;

    private final long nanosPerTick;

    private ProcessCpu(long ticksPerSecond) {
        this.nanosPerTick = 1_000_000_000L / ticksPerSecond;
    }

    /** Asks {@code getconf CLK_TCK} for the unit of the accounting. */
    static ProcessCpu system() throws IOException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            if (getconf.waitFor() != 0) {
                throw new IOException("getconf CLK_TCK failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking getconf for CLK_TCK", e);
        }
        try {
            long ticks = Long.parseLong(output);
            if (ticks <= 0 || ticks > 1_000_000_000L) {
                throw new IOException("getconf CLK_TCK answered " + ticks);
            }
            return new ProcessCpu(ticks);
        } catch (NumberFormatException e) {
            throw new IOException("getconf CLK_TCK answered '" + output + "'", e);
        }
    }

    /** The CPU time {@code pid} has used so far, in nanoseconds (at clock-tick resolution). */
    long nanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
        // The command name (field 2) is in parentheses and may itself contain spaces and ')'.
        int commEnd = stat.lastIndexOf(')');
        if (commEnd < 0) {
            throw new IOException("unexpected /proc/" + pid + "/stat: " + stat);
        }
        String[] fields = stat.substring(commEnd + 2).split(" ");
        if (fields.length <= STIME_AFTER_COMM) {
            throw new IOException("unexpected /proc/" + pid + "/stat: " + stat);
        }
        try {
            return (Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM])) * nanosPerTick;
        } catch (NumberFormatException e) {
            throw new IOException("unexpected /proc/" + pid + "/stat: " + stat, e);
        }
    }
}
