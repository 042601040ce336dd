package org.vtpm.manager.vtpm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;

import org.vtpm.rar.api.VtpmStateListener;

/**
 * Receives the state changes of running vTPMs from the resource adapter (bound to it in
 * {@code jboss-ejb3.xml}), synchronously, before the guest's command is answered: the change is
 * encrypted and stored in this transaction, so a change the database did not take fails the
 * command. A vTPM this manager does not keep gets every durable change refused.
 */
@MessageDriven(messageListenerInterface = VtpmStateListener.class)
@PermitAll
public class VtpmStateListenerBean implements VtpmStateListener {

    @EJB
    private StateVault vault;

    @EJB
    private VtpmStore store;

    @Override
    public void stateChanged(String vtpmId, Part part, long generation, byte[] state) {
        if (store.isCreating(vtpmId)) {
            // nobody uses a vTPM being provisioned; the lifecycle stores its state once, at the end
            return;
        }
        vault.write(vtpmId, part == Part.PERMANENT ? EncryptedState.Part.PERMANENT : EncryptedState.Part.VOLATILE,
                state);
    }
}
