package org.vtpm.rar.api;

/**
 * The adapter's inbound message listener: an MDB implementing it receives every change of a
 * running vTPM's state. Permanent changes arrive synchronously, before the command that made
 * them is answered; an exception refuses the change and the command fails with TPM_RC_FAILURE,
 * so the guest never sees a success the store did not keep. Volatile state arrives on suspend.
 *
 * <p>The state is plaintext key material: encrypt it before it is stored, never log it.
 */
public interface VtpmStateListener {

    /**
     * @param generation grows with every change of this part while the vTPM runs, so a store can
     *                   refuse an older write that arrives late
     */
    void stateChanged(String vtpmId, Part part, long generation, byte[] state);

    enum Part { PERMANENT, VOLATILE }
}
