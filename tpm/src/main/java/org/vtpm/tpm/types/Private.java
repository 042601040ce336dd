package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_PRIVATE: the protected private area of an object, opaque outside the TPM. */
@SizedBuffer(max = TpmLimits.MAX_PRIVATE_SIZE)
public final class Private extends SizedBytes {

    public static final Private EMPTY = new Private(new byte[0]);

    public Private(byte[] buffer) {
        super(buffer);
    }
}
