package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;

/** The response of TPM2_HashSequenceStart. */
public record HashSequenceStartResponse(
        @HandleArea Handle sequenceHandle) implements TpmResponse {
}
