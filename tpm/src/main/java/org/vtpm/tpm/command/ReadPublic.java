package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_ReadPublic: reads the public area and names of a loaded object. */
public record ReadPublic(
        @HandleArea @Check(Tpmi.DhObject.class) Handle objectHandle) implements TpmCommand<ReadPublicResponse> {
}
