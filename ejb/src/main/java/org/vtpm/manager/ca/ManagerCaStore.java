package org.vtpm.manager.ca;

import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The manager CA's row, in short transactions of its own: signing happens outside any. */
@Stateless
@PermitAll
public class ManagerCaStore {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    public Optional<ManagerCaRecord> load() {
        return Optional.ofNullable(em.find(ManagerCaRecord.class, ManagerCaRecord.ID));
    }

    public void save(String hostId, byte[] caKey) {
        em.persist(new ManagerCaRecord(hostId, caKey, Instant.now()));
    }
}
