package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_LABEL: a label or context for key derivation. */
@SizedBuffer(max = TpmLimits.MAX_LABEL_SIZE)
public final class Label extends SizedBytes {

    public static final Label EMPTY = new Label(new byte[0]);

    public Label(byte[] buffer) {
        super(buffer);
    }
}
