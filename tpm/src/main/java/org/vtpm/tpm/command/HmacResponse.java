package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;

/** The response of TPM2_HMAC. */
public record HmacResponse(
        Digest outHMAC) implements TpmResponse {
}
