package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_AUTH: an authorization value (a TPM2B_DIGEST in the specification). */
@SizedBuffer(max = TpmLimits.MAX_DIGEST_SIZE)
public final class Auth extends SizedBytes {

    public static final Auth EMPTY = new Auth(new byte[0]);

    public Auth(byte[] buffer) {
        super(buffer);
    }
}
