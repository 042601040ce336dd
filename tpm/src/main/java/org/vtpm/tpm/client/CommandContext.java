package org.vtpm.tpm.client;

import java.util.List;

import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.wire.Bytes;

/**
 * What a session sees of a command before it authorizes it: the code, the handle area and the
 * marshalled parameter area (already encrypted, if a session encrypts it), over which cpHash is
 * computed.
 */
public record CommandContext(Cc code, List<Handle> handles, Bytes parameters) {

    public CommandContext {
        handles = List.copyOf(handles);
    }
}
