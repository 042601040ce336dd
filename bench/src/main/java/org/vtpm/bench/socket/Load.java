package org.vtpm.bench.socket;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.vtpm.bench.report.Durations;
import org.vtpm.bench.workload.Operation;

/**
 * Drives one operation per client, each client on its own thread and connection, for a fixed time,
 * and reads the server's CPU time around it.
 */
final class Load {

    private Load() {
    }

    /** Runs the operations for {@code duration} and adds the result to {@code tally} (if given). */
    static void run(List<Operation> operations, Duration duration, ServerUnderTest server, Tally tally)
            throws IOException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        List<Durations> samples = new ArrayList<>();
        AtomicLong deadline = new AtomicLong();
        for (Operation operation : operations) {
            Durations latencies = new Durations();
            samples.add(latencies);
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    long end = deadline.get();
                    while (System.nanoTime() < end && failure.get() == null) {
                        long start = System.nanoTime();
                        operation.run();
                        latencies.add(System.nanoTime() - start);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, e);
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "load-" + threads.size());
            threads.add(thread);
            thread.start();
        }
        long cpuBefore = server.cpuNanos();
        long start = System.nanoTime();
        deadline.set(start + duration.toNanos());
        go.countDown();
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring", e);
        }
        long wall = System.nanoTime() - start;
        long cpu = server.cpuNanos() - cpuBefore;
        if (failure.get() != null) {
            throw new IOException(server.name() + ": " + failure.get().getMessage(), failure.get());
        }
        if (tally != null) {
            Durations all = new Durations();
            samples.forEach(all::addAll);
            tally.add(all.count(), wall, cpu, all);
        }
    }
}
