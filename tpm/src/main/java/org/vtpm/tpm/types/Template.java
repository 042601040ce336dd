package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_TEMPLATE: a marshalled TPMT_PUBLIC used as a template. */
@SizedBuffer(max = TpmLimits.MAX_TEMPLATE_SIZE)
public final class Template extends SizedBytes {

    public static final Template EMPTY = new Template(new byte[0]);

    public Template(byte[] buffer) {
        super(buffer);
    }
}
