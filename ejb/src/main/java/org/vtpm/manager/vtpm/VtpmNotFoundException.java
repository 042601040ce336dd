package org.vtpm.manager.vtpm;

import jakarta.ejb.ApplicationException;

/** No vTPM by that id for the caller's tenant: whether it exists for another tenant is not said. */
@ApplicationException(rollback = true)
public class VtpmNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public VtpmNotFoundException(String id) {
        super("no vTPM with id '" + id + "'");
    }
}
