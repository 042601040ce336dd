package org.vtpm.bench.socket;

import org.vtpm.bench.report.Durations;

/** What the measured rounds of one workload on one side added up to. */
final class Tally {

    private long operations;
    private long wallNanos;
    private long cpuNanos;
    private final Durations latencies = new Durations();

    void add(long roundOperations, long roundWallNanos, long roundCpuNanos, Durations roundLatencies) {
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

    /** Client-side latencies, {@code p50 / p99} in microseconds. */
    String latencies() {
        return latencies.microsP50P99();
    }
}
