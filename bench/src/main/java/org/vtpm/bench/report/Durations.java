package org.vtpm.bench.report;

import java.util.Arrays;
import java.util.Locale;

/** Durations in nanoseconds, kept one by one; percentiles by sorting, as the counts are small. */
public final class Durations {

    private static final int INITIAL_CAPACITY = 4096;

    private long[] nanos = new long[INITIAL_CAPACITY];
    private int count;

    public void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = value;
    }

    public void addAll(Durations other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /**
     * The nearest-rank percentile.
     *
     * @param percent above 0, up to 100
     */
    public long percentile(double percent) {
        if (count == 0) {
            throw new IllegalStateException("no durations");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {@code p50 / p99} in milliseconds. */
    public String millisP50P99() {
        return String.format(Locale.ROOT, "%.2f / %.2f", percentile(50) / 1e6, percentile(99) / 1e6);
    }

    /** {@code p50 / p99} in microseconds. */
    public String microsP50P99() {
        return MarkdownTable.micros(percentile(50)) + " / " + MarkdownTable.micros(percentile(99));
    }
}
