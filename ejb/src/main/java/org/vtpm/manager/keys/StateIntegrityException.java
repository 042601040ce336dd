package org.vtpm.manager.keys;

/**
 * A stored blob of a vTPM (its encrypted state or its wrapped data key) failed authentication: it
 * is stale (an older version), belongs to another vTPM or part, or was altered. The blob must not
 * be used; the message names the vTPM and the version asked for, never any bytes.
 */
public final class StateIntegrityException extends KeyProtectionException {

    private static final long serialVersionUID = 1L;

    public StateIntegrityException(String message) {
        super(message);
    }
}
