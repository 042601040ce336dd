package org.vtpm.tpm.command;

import org.vtpm.tpm.types.PublicKeyRsa;

/** The response of TPM2_RSA_Decrypt. */
public record RsaDecryptResponse(
        PublicKeyRsa message) implements TpmResponse {
}
