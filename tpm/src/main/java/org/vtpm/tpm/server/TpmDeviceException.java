package org.vtpm.tpm.server;

/** A device could not carry out a power, state or interface operation. */
public final class TpmDeviceException extends Exception {

    public TpmDeviceException(String message) {
        super(message);
    }

    public TpmDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
