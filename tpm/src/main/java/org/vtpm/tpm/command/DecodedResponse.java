package org.vtpm.tpm.command;

import java.util.List;

import org.vtpm.tpm.types.AuthResponse;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.wire.Bytes;
import org.vtpm.tpm.wire.TpmRc;

/**
 * A response buffer taken apart by {@link ResponseFraming#decode}; the parameters stay bytes until
 * the sessions have verified and decrypted them.
 */
public record DecodedResponse(TpmRc rc, List<Handle> handles, Bytes parameters,
        List<AuthResponse> authorizations) {

    public DecodedResponse {
        handles = List.copyOf(handles);
        authorizations = List.copyOf(authorizations);
    }
}
