package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_ID_OBJECT: a credential blob from MakeCredential. */
@SizedBuffer(max = TpmLimits.MAX_ID_OBJECT_SIZE)
public final class IdObject extends SizedBytes {

    public static final IdObject EMPTY = new IdObject(new byte[0]);

    public IdObject(byte[] buffer) {
        super(buffer);
    }
}
