package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Context;

/** TPM2_ContextLoad: reloads a saved context. */
public record ContextLoad(
        Context context) implements TpmCommand<ContextLoadResponse> {
}
