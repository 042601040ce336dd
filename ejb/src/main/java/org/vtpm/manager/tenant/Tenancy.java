package org.vtpm.manager.tenant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.security.UserAccount;

/**
 * Which tenant the caller acts for: the user's group named {@code tenant:<name>}, or
 * {@value #DEFAULT_TENANT} for a user in none. Every vTPM belongs to the tenant that created it and
 * is invisible to all others, whatever the interface.
 */
@Stateless
@PermitAll
public class Tenancy {

    public static final String DEFAULT_TENANT = "default";
    static final String GROUP_PREFIX = "tenant:";

    @Resource
    private SessionContext session;

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    public String currentTenant() {
        UserAccount user = em.find(UserAccount.class, session.getCallerPrincipal().getName());
        if (user == null) {
            return DEFAULT_TENANT;
        }
        return user.getGroups().stream()
                .filter(group -> group.startsWith(GROUP_PREFIX) && group.length() > GROUP_PREFIX.length())
                .map(group -> group.substring(GROUP_PREFIX.length()))
                .sorted()
                .findFirst()
                .orElse(DEFAULT_TENANT);
    }
}
