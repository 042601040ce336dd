package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Private;

/** The response of TPM2_Import. */
public record ImportResponse(
        Private outPrivate) implements TpmResponse {
}
