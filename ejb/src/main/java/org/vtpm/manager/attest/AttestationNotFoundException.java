package org.vtpm.manager.attest;

import jakarta.ejb.ApplicationException;

/**
 * No attestation result, policy or job by that id for the caller's tenant: whether it exists for
 * another tenant is not said.
 */
@ApplicationException(rollback = true)
public class AttestationNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public AttestationNotFoundException(String what, String id) {
        super("no " + what + " with id '" + id + "'");
    }
}
