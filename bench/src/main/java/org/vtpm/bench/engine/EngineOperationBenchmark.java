package org.vtpm.bench.engine;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.vtpm.bench.workload.Operation;
import org.vtpm.bench.workload.Workload;
import org.vtpm.tpm.command.TpmResponse;
import org.vtpm.tpm.wire.TpmException;

/**
 * Each {@link Workload} on one engine, called in process through the client (marshalling,
 * dispatch, the command, unmarshalling): what a caller in the same JVM pays per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineOperationBenchmark {

    /** Every workload unless the runner narrows the list to what the engine implements. */
    @Param
    public Workload workload;

    private StartedEngine started;
    private Operation operation;

    @Setup(Level.Trial)
    public void prepare() throws TpmException, IOException {
        started = StartedEngine.manufacture(new SecureRandom(), "jmh");
        operation = workload.prepare(started.tpm());
    }

    @Benchmark
    public TpmResponse operation() throws TpmException, IOException {
        return operation.run();
    }

    @TearDown(Level.Trial)
    public void release() throws TpmException, IOException {
        operation.close();
        started.tpm().close();
    }
}
