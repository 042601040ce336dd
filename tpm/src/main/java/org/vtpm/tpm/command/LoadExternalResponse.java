package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;

/** The response of TPM2_LoadExternal. */
public record LoadExternalResponse(
        @HandleArea Handle objectHandle,
        Name name) implements TpmResponse {
}
