package org.vtpm.bench.socket;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.bench.engine.StartedEngine;
import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.transport.InProcessTransport;
import org.vtpm.tpm.wire.TpmException;

/**
 * The reference side: engines in the benchmark's own JVM, called through the same client over
 * {@code InProcessTransport}, measured in the same alternating rounds as the socket servers so
 * that the in-process/socket ratio is not skewed by load that came and went between runs. Its CPU
 * time is this whole JVM's, client included, as in process the client is part of the call. On a
 * loaded machine that CPU time is the figure to compare: a thread that never blocks gets only its
 * fair share of a core, while socket servers, woken for each request, are scheduled at once.
 */
final class InProcessEngines implements ServerUnderTest {

    private final List<StartedEngine> engines = new ArrayList<>();
    private final ProcessCpu cpu;

    private InProcessEngines(ProcessCpu cpu) {
        this.cpu = cpu;
    }

    static InProcessEngines start(int count, ProcessCpu cpu) throws TpmException, IOException {
        InProcessEngines side = new InProcessEngines(cpu);
        SecureRandom entropy = new SecureRandom();
        for (int i = 0; i < count; i++) {
            side.engines.add(StartedEngine.manufacture(entropy, "in-process-" + i));
        }
        return side;
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public List<Tpm> connect() {
        List<Tpm> clients = new ArrayList<>();
        for (int i = 0; i < engines.size(); i++) {
            clients.add(new Tpm(new InProcessTransport(engines.get(i).engine(), "in-process-" + i)));
        }
        return clients;
    }

    @Override
    public long cpuNanos() throws IOException {
        return cpu.nanos(ProcessHandle.current().pid());
    }

    @Override
    public void close() {
        engines.clear();
    }
}
