package org.vtpm.rar.hosting;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;

/** Runs the front ends' accept loops and connections as Work of the container's WorkManager. */
public final class WorkManagerExecutor implements Executor {

    private final WorkManager workManager;

    public WorkManagerExecutor(WorkManager workManager) {
        this.workManager = workManager;
    }

    @Override
    public void execute(Runnable task) {
        try {
            workManager.scheduleWork(new Work() {
                @Override
                public void run() {
                    task.run();
                }

                @Override
                public void release() {
                    // the task ends when its socket closes; the front end closes the socket
                }
            });
        } catch (WorkException e) {
            throw new RejectedExecutionException("the WorkManager refused a front-end task: " + e.getMessage(), e);
        }
    }
}
