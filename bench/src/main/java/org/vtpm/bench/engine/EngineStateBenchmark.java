package org.vtpm.bench.engine;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.vtpm.tpm.engine.Engine;
import org.vtpm.tpm.engine.state.StateFormatException;
import org.vtpm.tpm.wire.TpmException;

/** Saving a running guest's engine in the versioned state format, and restoring an engine from it. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineStateBenchmark {

    private Engine engine;
    private byte[] saved;
    private SecureRandom entropy;

    @Setup(Level.Trial)
    public void prepare() throws TpmException, IOException {
        entropy = new SecureRandom();
        engine = GuestState.build(entropy);
        saved = engine.saveState();
    }

    @Benchmark
    public byte[] serialize() {
        return engine.saveState();
    }

    @Benchmark
    public Engine deserialize() throws StateFormatException {
        return Engine.restore(saved, entropy);
    }
}
