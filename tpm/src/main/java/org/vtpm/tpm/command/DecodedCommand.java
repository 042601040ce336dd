package org.vtpm.tpm.command;

import java.util.List;

import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Bytes;

/**
 * A command buffer taken apart by {@link CommandFraming#decode}: what the engine dispatches.
 *
 * @param parameters the parameter area as received, for cpHash and parameter decryption
 */
public record DecodedCommand(CommandSpec<?> spec, St tag, List<Handle> handles,
        List<AuthCommand> authorizations, Bytes parameters, TpmCommand<?> command) {

    public DecodedCommand {
        handles = List.copyOf(handles);
        authorizations = List.copyOf(authorizations);
    }
}
