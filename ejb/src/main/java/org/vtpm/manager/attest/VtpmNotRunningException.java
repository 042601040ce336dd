package org.vtpm.manager.attest;

import jakarta.ejb.ApplicationException;

import org.vtpm.manager.vtpm.VtpmStatus;

/** Server-driven attestation needs a RUNNING vTPM: only a running one can quote. */
@ApplicationException(rollback = true)
public class VtpmNotRunningException extends Exception {

    private static final long serialVersionUID = 1L;

    public VtpmNotRunningException(String id, VtpmStatus status) {
        super("cannot attest vTPM '" + id + "' while it is " + status + ": it must be RUNNING");
    }
}
