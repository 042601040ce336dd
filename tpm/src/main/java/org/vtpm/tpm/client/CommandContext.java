package org.vtpm.tpm.client;

import java.util.List;
import java.util.Optional;

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
 * @param authorizedHandle the index in {@code handles} of the handle the receiving session
 *     authorizes, or -1 when it only serves auditing or parameter encryption
 * @param extraNonces nonceTPMdecrypt and nonceTPMencrypt (Part 1, 19.6.5): the nonces of the
 *     sessions that encrypt parameters, which the first session's HMAC covers when they are other
 *     sessions; empty for every other session
 */
public record CommandContext(Cc code, List<Handle> handles, List<Name> names, Bytes parameters,
        int authorizedHandle, Bytes extraNonces) {

    public CommandContext {
        handles = List.copyOf(handles);
        names = List.copyOf(names);
        if (!names.isEmpty() && names.size() != handles.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + handles.size() + " handles");
        }
        if (authorizedHandle < -1 || authorizedHandle >= handles.size()) {
            throw new IllegalArgumentException("authorized handle " + authorizedHandle + " of " + handles.size());
        }
    }

    /** A context not yet addressed to one session: it authorizes no handle. */
    public CommandContext(Cc code, List<Handle> handles, List<Name> names, Bytes parameters) {
        this(code, handles, names, parameters, -1, Bytes.empty());
    }

    /** The same command as seen by the session that authorizes handle {@code index} (-1: none). */
    public CommandContext forSession(int index) {
        return new CommandContext(code, handles, names, parameters, index, extraNonces);
    }

    /** The same command with another parameter area (once a session has encrypted it). */
    public CommandContext withParameters(Bytes encrypted) {
        return new CommandContext(code, handles, names, encrypted, authorizedHandle, extraNonces);
    }

    /** The same command with the nonces the first session's HMAC must also cover. */
    public CommandContext withExtraNonces(Bytes nonces) {
        return new CommandContext(code, handles, names, parameters, authorizedHandle, nonces);
    }

    /** The name of the handle the receiving session authorizes, when it authorizes one and names are known. */
    public Optional<Name> authorizedName() {
        if (authorizedHandle < 0 || names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(names.get(authorizedHandle));
    }

    /** The command's cpHash; needs the names, so only for sessions that {@link Session#requiresNames}. */
    public byte[] cpHash(HashAlgorithm hash) {
        if (names.size() != handles.size()) {
            throw new IllegalStateException("cpHash needs the handles' names; the session must require them");
        }
        return ParameterHashes.cpHash(hash, code, names, parameters.toByteArray());
    }
}
