package org.vtpm.tpm.server;

import java.time.Duration;
import java.util.Objects;

import org.vtpm.tpm.transport.swtpm.SwtpmControlChannel;

/**
 * Limits and behaviour of a {@link TpmSocketServer}.
 *
 * @param maxConnections          connections served at once over all channels; more are closed at
 *                                once. Sequential connections are unlimited.
 * @param messageTimeout          how long a read may wait once a message has begun; a peer that
 *                                stalls mid-message loses its connection. Between messages a
 *                                connection may stay silent indefinitely.
 * @param maxStateBlobSize        the largest state blob {@code CMD_SET_STATEBLOB} accepts
 * @param disconnectAfterResponse one command per data connection (swtpm's {@code disconnect})
 * @param terminateAfterDataConnection ask for shutdown once a data (or mssim command) connection
 *                                ends (swtpm's {@code -t}), for a TPM that serves one client session
 */
public record ServerOptions(int maxConnections, Duration messageTimeout, int maxStateBlobSize,
        boolean disconnectAfterResponse, boolean terminateAfterDataConnection) {

    public ServerOptions {
        Objects.requireNonNull(messageTimeout, "messageTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (messageTimeout.isNegative() || messageTimeout.isZero()) {
            throw new IllegalArgumentException("messageTimeout must be positive: " + messageTimeout);
        }
        if (maxStateBlobSize < 0) {
            throw new IllegalArgumentException("maxStateBlobSize must not be negative: " + maxStateBlobSize);
        }
    }

    /** 16 connections, 10 s message timeout, 4 MiB blobs. */
    public static ServerOptions defaults() {
        return new ServerOptions(16, Duration.ofSeconds(10), SwtpmControlChannel.DEFAULT_MAX_BLOB_SIZE, false,
                false);
    }

    public ServerOptions withMaxConnections(int value) {
        return new ServerOptions(value, messageTimeout, maxStateBlobSize, disconnectAfterResponse,
                terminateAfterDataConnection);
    }

    public ServerOptions withMessageTimeout(Duration value) {
        return new ServerOptions(maxConnections, value, maxStateBlobSize, disconnectAfterResponse,
                terminateAfterDataConnection);
    }

    public ServerOptions withMaxStateBlobSize(int value) {
        return new ServerOptions(maxConnections, messageTimeout, value, disconnectAfterResponse,
                terminateAfterDataConnection);
    }

    public ServerOptions withDisconnectAfterResponse(boolean value) {
        return new ServerOptions(maxConnections, messageTimeout, maxStateBlobSize, value,
                terminateAfterDataConnection);
    }

    public ServerOptions withTerminateAfterDataConnection(boolean value) {
        return new ServerOptions(maxConnections, messageTimeout, maxStateBlobSize, disconnectAfterResponse, value);
    }
}
