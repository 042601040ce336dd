package org.vtpm.manager.vtpm;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.manager.security.Roles;

/** Reads the state versions running vTPMs reported. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class VtpmStateJournal {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    public List<VtpmStateVersion> versions(String vtpmId) {
        return em.createQuery("SELECT v FROM VtpmStateVersion v WHERE v.vtpmId = :id ORDER BY v.id",
                        VtpmStateVersion.class)
                .setParameter("id", vtpmId)
                .getResultList();
    }
}
