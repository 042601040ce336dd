package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Event;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_PCR_Event: hashes event data in every bank and extends a PCR with the digests. */
public record PcrEvent(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhPcr.class, nullValue = NullValue.ACCEPTED) Handle pcrHandle,
        Event eventData) implements TpmCommand<PcrEventResponse> {
}
