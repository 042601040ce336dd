package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_ENCRYPTED_SECRET: a seed encrypted to an asymmetric key. */
@SizedBuffer(max = TpmLimits.MAX_ENCRYPTED_SECRET_SIZE)
public final class EncryptedSecret extends SizedBytes {

    public static final EncryptedSecret EMPTY = new EncryptedSecret(new byte[0]);

    public EncryptedSecret(byte[] buffer) {
        super(buffer);
    }
}
