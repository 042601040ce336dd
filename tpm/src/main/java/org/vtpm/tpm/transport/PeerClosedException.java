package org.vtpm.tpm.transport;

/** The peer closed the connection (or the process behind it died) before a complete answer arrived. */
public class PeerClosedException extends TpmTransportException {

    public PeerClosedException(String endpoint, String message) {
        super(endpoint, message);
    }

    public PeerClosedException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }
}
