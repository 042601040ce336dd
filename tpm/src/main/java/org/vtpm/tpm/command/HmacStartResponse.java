package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;

/** The response of TPM2_HMAC_Start. */
public record HmacStartResponse(
        @HandleArea Handle sequenceHandle) implements TpmResponse {
}
