package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_HierarchyControl: enables or disables a hierarchy. */
public record HierarchyControl(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhHierarchy.class) Handle authHandle,
        @Check(Tpmi.RhEnables.class) Handle enable,
        boolean state) implements TpmCommand<HierarchyControlResponse> {
}
