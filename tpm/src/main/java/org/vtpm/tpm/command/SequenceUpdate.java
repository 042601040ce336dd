package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.MaxBuffer;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_SequenceUpdate: adds data to a hash, HMAC or event sequence. */
public record SequenceUpdate(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle sequenceHandle,
        MaxBuffer buffer) implements TpmCommand<SequenceUpdateResponse> {
}
