package org.vtpm.tpm.transport;

/** The endpoint cannot be reached or opened: connection refused, no such device, no permission. */
public class EndpointUnavailableException extends TpmTransportException {

    public EndpointUnavailableException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }
}
