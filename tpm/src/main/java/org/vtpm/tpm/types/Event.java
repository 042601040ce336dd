package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.SizedBuffer;
import org.vtpm.tpm.wire.SizedBytes;

/** TPM2B_EVENT: event data for PCR_Event. */
@SizedBuffer(max = 1024)
public final class Event extends SizedBytes {

    public static final Event EMPTY = new Event(new byte[0]);

    public Event(byte[] buffer) {
        super(buffer);
    }
}
