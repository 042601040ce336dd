package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;

/** The response of TPM2_ActivateCredential. */
public record ActivateCredentialResponse(
        Digest certInfo) implements TpmResponse {
}
