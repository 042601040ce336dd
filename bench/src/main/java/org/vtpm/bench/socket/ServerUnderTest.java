package org.vtpm.bench.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;

/**
 * The TPM server(s) on one side of the comparison: one or more vTPMs, each reachable on a data
 * channel of swtpm's socket protocol, served by processes whose CPU time can be read.
 */
interface ServerUnderTest extends AutoCloseable {

    /** {@code ours} or {@code swtpm}, as the table says. */
    String name();

    /** One data channel per vTPM. */
    List<SocketAddress> dataChannels();

    /** CPU time used so far by all the processes serving the vTPMs, in nanoseconds. */
    long cpuNanos() throws IOException;

    /** Stops the processes, each by its own PID. */
    @Override
    void close() throws IOException;
}
