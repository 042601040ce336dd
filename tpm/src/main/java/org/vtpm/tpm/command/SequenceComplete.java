package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;

/** TPM2_SequenceComplete: finishes a hash or HMAC sequence. */
public record SequenceComplete(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle sequenceHandle,
        MaxBuffer buffer,
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED)
        Handle hierarchy) implements TpmCommand<SequenceCompleteResponse> {
}
