package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Private;

/** The response of TPM2_Duplicate. */
public record DuplicateResponse(
        Data encryptionKeyOut,
        Private duplicate,
        EncryptedSecret outSymSeed) implements TpmResponse {
}
