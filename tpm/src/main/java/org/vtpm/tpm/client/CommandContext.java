package org.vtpm.tpm.client;

import java.util.List;

import org.vtpm.tpm.command.ParameterHashes;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.types.Cc;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.wire.Bytes;

/**
 * What a session sees of a command before it authorizes it: the code, the handle area, the
 * handles' names and the marshalled parameter area (already encrypted, if a session encrypts it),
 * over which cpHash is computed.
 *
 * @param names one per handle when any session of the call {@linkplain Session#requiresNames
 *     requires names}; empty otherwise, to spare the round trips that resolve them
 */
public record CommandContext(Cc code, List<Handle> handles, List<Name> names, Bytes parameters) {

    public CommandContext {
        handles = List.copyOf(handles);
        names = List.copyOf(names);
        if (!names.isEmpty() && names.size() != handles.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + handles.size() + " handles");
        }
    }

    /** The command's cpHash; needs the names, so only for sessions that {@link Session#requiresNames}. */
    public byte[] cpHash(HashAlgorithm hash) {
        if (names.size() != handles.size()) {
            throw new IllegalStateException("cpHash needs the handles' names; the session must require them");
        }
        return ParameterHashes.cpHash(hash, code, names, parameters.toByteArray());
    }
}
