package org.vtpm.tpm.transport;

import java.io.IOException;

/**
 * A transport failure that names the endpoint it happened on, so an operator reading a log line
 * can tell which of many TPMs (pTPM, swtpm instances, simulators) misbehaved.
 */
public class TpmTransportException extends IOException {

    private final String endpoint;

    public TpmTransportException(String endpoint, String message) {
        super(endpoint + ": " + message);
        this.endpoint = endpoint;
    }

    public TpmTransportException(String endpoint, String message, Throwable cause) {
        super(endpoint + ": " + message, cause);
        this.endpoint = endpoint;
    }

    /** The endpoint as the transport describes it ("tcp:127.0.0.1:2321", "/dev/tpmrm0"). */
    public String endpoint() {
        return endpoint;
    }
}
