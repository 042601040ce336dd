package org.vtpm.bench.socket;

import java.util.Arrays;

/** Every latency of a measurement, in nanoseconds; percentiles by sorting, as the counts are small. */
final class LatencySamples {

    private static final int INITIAL_CAPACITY = 4096;

    private long[] nanos = new long[INITIAL_CAPACITY];
    private int count;

    void add(long value) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = value;
    }

    void addAll(LatencySamples other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return count;
    }

    /**
     * The nearest-rank percentile.
     *
     * @param percent 0 (exclusive) to 100
     */
    long percentile(double percent) {
        if (count == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * count);
        return sorted[Math.max(0, rank - 1)];
    }
}
