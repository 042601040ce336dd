package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_DATA: caller data no larger than a TPMT_HA (qualifying data, outside info). */
@SizedBuffer(max = TpmLimits.SIZEOF_TPMT_HA)
public final class Data extends SizedBytes {

    public static final Data EMPTY = new Data(new byte[0]);

    public Data(byte[] buffer) {
        super(buffer);
    }
}
