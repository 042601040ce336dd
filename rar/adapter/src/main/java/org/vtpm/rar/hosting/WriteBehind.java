package org.vtpm.rar.hosting;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.resource.spi.work.Work;

/** The adapter's long-running Work that delivers changed volatile state every period. */
public final class WriteBehind implements Work {

    private final VtpmRegistry registry;
    private final Duration period;
    private final CountDownLatch released = new CountDownLatch(1);

    public WriteBehind(VtpmRegistry registry, Duration period) {
        this.registry = registry;
        this.period = period;
    }

    @Override
    public void run() {
        try {
            while (!released.await(period.toMillis(), TimeUnit.MILLISECONDS)) {
                registry.writeBehindVolatile();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void release() {
        released.countDown();
    }
}
