package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.Shutdown;
import org.vtpm.tpm.command.ShutdownResponse;
import org.vtpm.tpm.command.Startup;
import org.vtpm.tpm.command.StartupResponse;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.PowerState;
import org.vtpm.tpm.engine.state.ShutdownState;
import org.vtpm.tpm.types.Su;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_Startup and TPM2_Shutdown (Part 3, clause 9): the three kinds of startup and what each keeps. */
public final class StartupCommands {

    private final EngineState state;

    public StartupCommands(EngineState state) {
        this.state = state;
    }

    /**
     * TPM Reset (CLEAR after anything but Shutdown(STATE)), TPM Restart (CLEAR after
     * Shutdown(STATE)) or TPM Resume (STATE after Shutdown(STATE)).
     */
    public StartupResponse startup(Startup command, Request request) throws CommandError {
        PowerState power = state.power();
        if (power.isStarted()) {
            throw CommandError.of(TpmRc.INITIALIZE);
        }
        boolean savedState = power.shutdown() == ShutdownState.STATE;
        boolean orderly = power.shutdown() != ShutdownState.NONE;
        if (command.startupType().equals(Su.STATE)) {
            if (!savedState) {
                throw CommandError.of(TpmRc.VALUE.withParameter(1));
            }
            state.pcrs().resume(request.locality());
            state.clock().restart();
        } else if (command.startupType().equals(Su.CLEAR)) {
            state.nv().startupClear();
            state.pcrAuthorizations().startupClear();
            if (savedState) {
                state.pcrs().restart(request.locality());
                state.hierarchies().restart();
                state.clock().restart();
            } else {
                state.pcrs().reset(request.locality());
                state.hierarchies().reset(state.random());
                state.dictionaryAttack().reset();
                state.clock().reset();
                state.sessions().reset();
                state.audit().clearDigest();
            }
        } else {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        state.pcrs().discardSaved();
        state.dictionaryAttack().startup(orderly, state.clock().clock());
        power.started();
        return new StartupResponse();
    }

    public ShutdownResponse shutdown(Shutdown command, Request request) throws CommandError {
        if (command.shutdownType().equals(Su.STATE)) {
            state.pcrs().save();
            state.power().shutdown(ShutdownState.STATE);
        } else if (command.shutdownType().equals(Su.CLEAR)) {
            state.pcrs().discardSaved();
            state.power().shutdown(ShutdownState.CLEAR);
        } else {
            throw CommandError.of(TpmRc.VALUE.withParameter(1));
        }
        return new ShutdownResponse();
    }
}
