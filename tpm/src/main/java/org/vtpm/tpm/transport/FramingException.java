package org.vtpm.tpm.transport;

/**
 * The bytes on the wire do not form a valid frame: a size field out of range, a header that does
 * not match the buffer, a missing acknowledgement. The connection is no longer in a known state.
 */
public class FramingException extends TpmTransportException {

    public FramingException(String endpoint, String message) {
        super(endpoint, message);
    }
}
