package org.vtpm.tpm.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a socket transport waits to connect and for each read.
 *
 * <p>The read timeout bounds one TPM command: key generation on a software TPM takes seconds, so
 * the default is generous; a hung peer still surfaces as a {@link TransportTimeoutException}.
 */
public record Timeouts(Duration connect, Duration read) {

    public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));

    public Timeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(read, "read");
        if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive: " + connect + ", " + read);
        }
    }

    int connectMillis() {
        return (int) Math.min(Integer.MAX_VALUE, connect.toMillis());
    }

    int readMillis() {
        return (int) Math.min(Integer.MAX_VALUE, read.toMillis());
    }
}
