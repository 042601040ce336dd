package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_EvictControl: makes a loaded object persistent, or removes a persistent one. */
public record EvictControl(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhProvision.class) Handle auth,
        @HandleArea @Check(Tpmi.DhObject.class) Handle objectHandle,
        @Check(Tpmi.DhPersistent.class) Handle persistentHandle) implements TpmCommand<EvictControlResponse> {
}
