package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;

/** The response of TPM2_PolicyGetDigest. */
public record PolicyGetDigestResponse(
        Digest policyDigest) implements TpmResponse {
}
