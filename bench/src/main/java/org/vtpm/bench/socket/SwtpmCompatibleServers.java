package org.vtpm.bench.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.client.Tpm;

import org.vtpm.tpm.transport.swtpm.SwtpmOptions;
import org.vtpm.tpm.transport.swtpm.SwtpmProcess;

/**
 * One process per vTPM, each started with swtpm's {@code socket} command line on free loopback
 * ports: swtpm itself, or {@code vtpm.jar socket} through a launcher taking the same arguments.
 */
final class SwtpmCompatibleServers implements ServerUnderTest {

    private final String name;
    private final ProcessCpu cpu;
    private final List<SwtpmProcess> processes = new ArrayList<>();

    private SwtpmCompatibleServers(String name, ProcessCpu cpu) {
        this.name = name;
        this.cpu = cpu;
    }

    /** Starts {@code count} processes; if one fails, those already started are stopped. */
    static SwtpmCompatibleServers start(String name, SwtpmOptions options, int count, ProcessCpu cpu)
            throws IOException {
        SwtpmCompatibleServers servers = new SwtpmCompatibleServers(name, cpu);
        try {
            for (int i = 0; i < count; i++) {
                servers.processes.add(SwtpmProcess.start(options));
            }
            return servers;
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Tpm> connect() {
        return ServerUnderTest.connectAll(dataChannels());
    }

    private List<SocketAddress> dataChannels() {
        return processes.stream().map(SwtpmProcess::dataAddress).toList();
    }

    @Override
    public long cpuNanos() throws IOException {
        long total = 0;
        for (SwtpmProcess process : processes) {
            total += cpu.nanos(process.pid());
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SwtpmProcess process : processes) {
            try {
                process.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        processes.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
