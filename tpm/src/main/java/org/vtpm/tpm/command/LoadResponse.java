package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;

/** The response of TPM2_Load. */
public record LoadResponse(
        @HandleArea Handle objectHandle,
        Name name) implements TpmResponse {
}
