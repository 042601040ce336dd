package org.vtpm.manager.vtpm;

import jakarta.ejb.ApplicationException;

/** No snapshot by that id on that vTPM. */
@ApplicationException(rollback = true)
public class SnapshotNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public SnapshotNotFoundException(String id) {
        super("no snapshot with id '" + id + "' on this vTPM");
    }
}
