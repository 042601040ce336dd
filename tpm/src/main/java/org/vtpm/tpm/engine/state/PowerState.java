package org.vtpm.tpm.engine.state;

import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The power cycle: whether TPM2_Startup has run since _TPM_Init, how the TPM was last shut down
 * (what Startup(STATE) may resume), and the TPM-established flag of the platform interface
 * (set by a D-RTM sequence, cleared from locality 3 or 4).
 */
public final class PowerState {

    private boolean started;
    private ShutdownState shutdown;
    private boolean startedOrderly;
    private boolean tpmEstablished;

    private PowerState(boolean started, ShutdownState shutdown, boolean startedOrderly, boolean tpmEstablished) {
        this.started = started;
        this.shutdown = shutdown;
        this.startedOrderly = startedOrderly;
        this.tpmEstablished = tpmEstablished;
    }

    /** A manufactured TPM: powered on, waiting for TPM2_Startup; the factory shut it down in order. */
    public static PowerState manufactured() {
        return new PowerState(false, ShutdownState.CLEAR, false, false);
    }

    public boolean isStarted() {
        return started;
    }

    /** _TPM_Init: the next command must be TPM2_Startup. */
    public void init() {
        started = false;
    }

    /** TPM2_Startup succeeded: the shutdown it resumed from is consumed. */
    public void started() {
        started = true;
        startedOrderly = shutdown != ShutdownState.NONE;
        shutdown = ShutdownState.NONE;
    }

    /** Whether the running boot cycle began after an orderly shutdown (TPMA_STARTUP_CLEAR.orderly). */
    public boolean startedOrderly() {
        return startedOrderly;
    }

    public ShutdownState shutdown() {
        return shutdown;
    }

    public void shutdown(ShutdownState state) {
        shutdown = state;
    }

    public boolean tpmEstablished() {
        return tpmEstablished;
    }

    public void tpmEstablished(boolean value) {
        tpmEstablished = value;
    }

    public void write(TpmWriter out) {
        StateFields.writeBoolean(out, started);
        out.writeU8(shutdown.ordinal());
        StateFields.writeBoolean(out, startedOrderly);
        StateFields.writeBoolean(out, tpmEstablished);
    }

    public static PowerState read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        boolean started = StateFields.readBoolean(in);
        int shutdown = in.readU8();
        if (shutdown >= ShutdownState.values().length) {
            throw new TpmFormatException(TpmRc.VALUE, "shutdown state " + shutdown);
        }
        boolean startedOrderly = StateFields.readBoolean(in);
        boolean established = StateFields.readBoolean(in);
        in.requireEnd();
        return new PowerState(started, ShutdownState.values()[shutdown], startedOrderly, established);
    }
}
