package org.vtpm.manager.vtpm;

import jakarta.ejb.ApplicationException;

/**
 * A stored state that fails its integrity check: stale (an older version put back), swapped
 * (another vTPM's), or corrupted. The vTPM is not started from it.
 */
@ApplicationException(rollback = true)
public class StateRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public StateRefusedException(String message) {
        super(message);
    }
}
