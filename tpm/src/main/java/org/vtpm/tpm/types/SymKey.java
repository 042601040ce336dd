package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_SYM_KEY: a symmetric key. */
@SizedBuffer(max = TpmLimits.MAX_SYM_KEY_BYTES)
public final class SymKey extends SizedBytes implements SensitiveCompositeUnion {

    public static final SymKey EMPTY = new SymKey(new byte[0]);

    public SymKey(byte[] buffer) {
        super(buffer);
    }
}
