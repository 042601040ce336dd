package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;

/** The response of TPM2_ContextLoad. */
public record ContextLoadResponse(
        @HandleArea Handle loadedHandle) implements TpmResponse {
}
