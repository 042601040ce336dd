package org.vtpm.tpm.engine.state;

/** How the TPM last went down: with Shutdown(CLEAR), with Shutdown(STATE), or not in order. */
public enum ShutdownState {
    NONE,
    CLEAR,
    STATE
}
