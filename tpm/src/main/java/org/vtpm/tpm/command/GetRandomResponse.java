package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;

/** The response of TPM2_GetRandom. */
public record GetRandomResponse(
        Digest randomBytes) implements TpmResponse {
}
