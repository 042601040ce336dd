package org.vtpm.tpm.command;

import java.util.List;

import org.vtpm.tpm.types.AuthCommand;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.St;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmFormatException;

/**
 * A command buffer taken apart by {@link CommandFraming#decode}: header, handles and
 * authorizations unmarshalled, the parameter area still bytes. The engine authorizes over those
 * bytes (cpHash), decrypts the first parameter if a session asks for it, and only then
 * unmarshals the parameters, as the reference implementation does.
 *
 * @param parameters the parameter area as received
 */
public record DecodedCommand(CommandSpec<?> spec, St tag, List<Handle> handles,
        List<AuthCommand> authorizations, Bytes parameters) {

    public DecodedCommand {
        handles = List.copyOf(handles);
        authorizations = List.copyOf(authorizations);
    }

    /** The typed command, from the parameter area as received. */
    public TpmCommand<?> command() throws TpmFormatException {
        return spec.readCommand(handles, parameters.toByteArray());
    }

    /** The typed command, from a parameter area whose first parameter a session has decrypted. */
    public TpmCommand<?> command(byte[] parameterArea) throws TpmFormatException {
        return spec.readCommand(handles, parameterArea);
    }
}
