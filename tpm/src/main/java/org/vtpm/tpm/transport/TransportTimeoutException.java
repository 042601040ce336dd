package org.vtpm.tpm.transport;

/** Connecting to the endpoint, or waiting for its answer, took longer than the configured timeout. */
public class TransportTimeoutException extends TpmTransportException {

    public TransportTimeoutException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }
}
