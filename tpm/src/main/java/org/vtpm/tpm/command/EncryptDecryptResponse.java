package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Iv;
import org.vtpm.tpm.types.MaxBuffer;

/** The response of TPM2_EncryptDecrypt. */
public record EncryptDecryptResponse(
        MaxBuffer outData,
        Iv ivOut) implements TpmResponse {
}
