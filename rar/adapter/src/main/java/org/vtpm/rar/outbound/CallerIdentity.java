package org.vtpm.rar.outbound;

import java.security.Principal;
import java.util.Optional;

import org.wildfly.security.auth.principal.AnonymousPrincipal;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * Who is calling, as the server's security domain authenticated the current thread. Read from
 * the server rather than passed by the caller, so an application cannot claim another identity.
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    static Optional<Principal> current() {
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            return Optional.empty();
        }
        SecurityIdentity identity = domain.getCurrentSecurityIdentity();
        Principal principal = identity.getPrincipal();
        return principal instanceof AnonymousPrincipal ? Optional.empty() : Optional.of(principal);
    }
}
