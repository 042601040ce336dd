package org.vtpm.tpm.attest;

/** The part of the evidence a {@link Reason} concerns: in deep attestation, each layer has its own. */
public enum Layer {
    /** The vTPM's quote, PCRs and event log; in plain attestation, the one TPM's. */
    VTPM,
    /** The host pTPM's quote, PCRs and event log. */
    HOST,
    /** The manager's signed statement that the vTPM runs on the host. */
    BINDING
}
