package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_EventSequenceComplete: finishes an event sequence and extends a PCR with its digests. */
public record EventSequenceComplete(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.DhPcr.class, nullValue = NullValue.ACCEPTED) Handle pcrHandle,
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle sequenceHandle,
        MaxBuffer buffer) implements TpmCommand<EventSequenceCompleteResponse> {
}
