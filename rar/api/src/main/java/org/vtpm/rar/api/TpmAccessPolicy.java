package org.vtpm.rar.api;

import java.security.Principal;
import java.util.Optional;

/**
 * Decides who may use which TPM. A connection definition names one by the JNDI name in its
 * {@code AccessPolicy} property; the adapter then asks it on every {@code getConnection}, with the
 * principal of the caller as the server authenticated it (empty for an unauthenticated caller),
 * so no interface reaches a vTPM that the caller's tenant does not own.
 */
public interface TpmAccessPolicy {

    /** @throws TpmAccessDeniedException if the caller may not use the target */
    void checkAccess(TpmTarget target, Optional<Principal> caller) throws TpmAccessDeniedException;
}
