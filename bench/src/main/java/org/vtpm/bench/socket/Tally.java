package org.vtpm.bench.socket;

/** What the measured rounds of one workload on one side added up to. */
final class Tally {

    private long operations;
    private long wallNanos;
    private long cpuNanos;
    private final LatencySamples latencies = new LatencySamples();

    void add(long roundOperations, long roundWallNanos, long roundCpuNanos, LatencySamples roundLatencies) {
        operations += roundOperations;
        wallNanos += roundWallNanos;
        cpuNanos += roundCpuNanos;
        latencies.addAll(roundLatencies);
    }

    boolean isEmpty() {
        return operations == 0;
    }

    double operationsPerSecond() {
        return operations * 1e9 / wallNanos;
    }

    /** The server's CPU time per operation, in nanoseconds. */
    double cpuNanosPerOperation() {
        return (double) cpuNanos / operations;
    }

    long p50() {
        return latencies.percentile(50);
    }

    long p99() {
        return latencies.percentile(99);
    }
}
