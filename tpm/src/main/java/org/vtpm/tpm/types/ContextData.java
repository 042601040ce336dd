package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_CONTEXT_DATA: the protected blob of a saved context. */
@SizedBuffer(max = TpmLimits.MAX_CONTEXT_SIZE)
public final class ContextData extends SizedBytes {

    public static final ContextData EMPTY = new ContextData(new byte[0]);

    public ContextData(byte[] buffer) {
        super(buffer);
    }
}
