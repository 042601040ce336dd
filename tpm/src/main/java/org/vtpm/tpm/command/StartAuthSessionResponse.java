package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Nonce;

/** The response of TPM2_StartAuthSession. */
public record StartAuthSessionResponse(
        @HandleArea Handle sessionHandle,
        Nonce nonceTPM) implements TpmResponse {
}
