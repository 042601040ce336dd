package org.vtpm.bench.density;

import java.util.Arrays;
import java.util.Locale;

/** Durations of a fixed number of events, in nanoseconds, with nearest-rank percentiles. */
final class Timings {

    private final long[] nanos;
    private int count;

    Timings(int capacity) {
        nanos = new long[capacity];
    }

    void add(long value) {
        nanos[count++] = value;
    }

    boolean isEmpty() {
        return count == 0;
    }

    long percentile(double percent) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)];
    }

    /** {@code p50 / p99} in milliseconds. */
    String describe() {
        return String.format(Locale.ROOT, "%.2f / %.2f", percentile(50) / 1e6, percentile(99) / 1e6);
    }
}
