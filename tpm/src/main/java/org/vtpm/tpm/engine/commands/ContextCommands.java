package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.FlushContextResponse;
import org.vtpm.tpm.engine.state.ObjectSlots;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_FlushContext (Part 3, 28.4). */
public final class ContextCommands {

    private final ObjectSlots objects;

    public ContextCommands(ObjectSlots objects) {
        this.objects = objects;
    }

    public FlushContextResponse flush(FlushContext command, Request request) throws CommandError {
        if (!objects.flush(command.flushHandle())) {
            throw CommandError.of(TpmRc.HANDLE.withParameter(1));
        }
        return new FlushContextResponse();
    }
}
