package org.vtpm.manager.vtpm;

import java.time.Instant;
import java.util.HexFormat;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.MessageDriven;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.vtpm.rar.api.VtpmStateListener;
import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * Receives the state changes of running vTPMs from the resource adapter (bound to it in
 * {@code jboss-ejb3.xml}), synchronously, before the guest's command is answered: the version is
 * journaled in the same transaction, so a change the database did not take fails the command.
 */
@MessageDriven(messageListenerInterface = VtpmStateListener.class)
@PermitAll
public class VtpmStateListenerBean implements VtpmStateListener {

    @PersistenceContext(unitName = "vtpm")
    private EntityManager em;

    @Override
    public void stateChanged(String vtpmId, Part part, long generation, byte[] state) {
        em.persist(new VtpmStateVersion(vtpmId, part, generation, state.length,
                HexFormat.of().formatHex(HashAlgorithm.SHA256.hash(state)), Instant.now()));
    }
}
