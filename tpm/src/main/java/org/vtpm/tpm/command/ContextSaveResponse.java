package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Context;

/** The response of TPM2_ContextSave. */
public record ContextSaveResponse(
        Context context) implements TpmResponse {
}
