package org.vtpm.tpm.command;

import org.vtpm.tpm.wire.Uint;

/** TPM2_GetRandom: returns random bytes, at most a digest's worth. */
public record GetRandom(
        @Uint(16) int bytesRequested) implements TpmCommand<GetRandomResponse> {
}
