package org.vtpm.tpm.transport;

import java.util.Objects;

/**
 * Hands command buffers to a {@link TpmCommandProcessor} in the same JVM: no sockets, no
 * serialization beyond the TPM wire format itself, so the engine is exercised exactly as a remote
 * client would see it.
 */
public final class InProcessTransport implements TpmTransport {

    /** Highest locality a TPM interface defines (TPM 2.0 Part 1, 34.2). */
    public static final int MAX_LOCALITY = 4;

    private final TpmCommandProcessor processor;
    private final String endpoint;
    private volatile int locality;
    private volatile boolean closed;

    public InProcessTransport(TpmCommandProcessor processor, String name) {
        this.processor = Objects.requireNonNull(processor, "processor");
        this.endpoint = "in-process:" + Objects.requireNonNull(name, "name");
    }

    /** Sets the locality of the following commands. */
    public void setLocality(int locality) {
        if (locality < 0 || locality > MAX_LOCALITY) {
            throw new IllegalArgumentException("locality must be 0.." + MAX_LOCALITY + ": " + locality);
        }
        this.locality = locality;
    }

    public int locality() {
        return locality;
    }

    @Override
    public byte[] transmit(byte[] command) throws TpmTransportException {
        if (closed) {
            throw new PeerClosedException(endpoint, "transport is closed");
        }
        TpmFrames.checkCommand(endpoint, command);
        byte[] response;
        try {
            response = processor.process(locality, command.clone());
        } catch (RuntimeException e) {
            // A processor answers even malformed commands; throwing is a defect, reported as a failed call.
            throw new TpmTransportException(endpoint, "processor failed: " + e, e);
        }
        if (response == null || response.length < TpmFrames.HEADER_SIZE
                || TpmFrames.headerSize(response) != response.length) {
            throw new FramingException(endpoint, "processor returned a malformed response");
        }
        return response;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return endpoint;
    }
}
