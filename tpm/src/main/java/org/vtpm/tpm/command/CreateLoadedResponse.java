package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_CreateLoaded; {@code outPrivate} is empty for a primary object. */
public record CreateLoadedResponse(
        @HandleArea Handle objectHandle,
        Private outPrivate,
        Tpm2b<Public> outPublic,
        Name name) implements TpmResponse {
}
