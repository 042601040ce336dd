package org.vtpm.tpm.command;

import org.vtpm.tpm.types.PublicKeyRsa;

/** The response of TPM2_RSA_Encrypt. */
public record RsaEncryptResponse(
        PublicKeyRsa outData) implements TpmResponse {
}
