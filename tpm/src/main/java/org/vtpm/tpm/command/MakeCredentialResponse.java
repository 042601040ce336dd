package org.vtpm.tpm.command;

import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.IdObject;

/** The response of TPM2_MakeCredential. */
public record MakeCredentialResponse(
        IdObject credentialBlob,
        EncryptedSecret secret) implements TpmResponse {
}
