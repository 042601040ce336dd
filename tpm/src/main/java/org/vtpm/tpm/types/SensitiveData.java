package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_SENSITIVE_DATA: secret data for a keyed-hash object. */
@SizedBuffer(max = TpmLimits.MAX_SYM_DATA)
public final class SensitiveData extends SizedBytes implements SensitiveCompositeUnion {

    public static final SensitiveData EMPTY = new SensitiveData(new byte[0]);

    public SensitiveData(byte[] buffer) {
        super(buffer);
    }
}
