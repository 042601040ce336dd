package org.vtpm.bench.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.client.Tpm;
import org.vtpm.tpm.transport.Timeouts;
import org.vtpm.tpm.transport.TpmFrames;
import org.vtpm.tpm.transport.swtpm.SwtpmSocketTransport;

/**
 * The vTPMs on one side of the comparison, served by processes whose CPU time can be read.
 */
interface ServerUnderTest extends AutoCloseable {

    /** {@code ours} or {@code swtpm}, as the table says. */
    String name();

    /** A new client per vTPM; the caller closes them. */
    List<Tpm> connect();

    /** CPU time used so far by all the processes serving the vTPMs, in nanoseconds. */
    long cpuNanos() throws IOException;

    /** Stops the processes, each by its own PID. */
    @Override
    void close() throws IOException;

    /** Clients over swtpm's data channel, one connection each. */
    static List<Tpm> connectAll(List<SocketAddress> dataChannels) {
        List<Tpm> clients = new ArrayList<>();
        for (SocketAddress address : dataChannels) {
            clients.add(new Tpm(new SwtpmSocketTransport(address, Timeouts.DEFAULT,
                    TpmFrames.DEFAULT_MAX_RESPONSE_SIZE)));
        }
        return clients;
    }
}
