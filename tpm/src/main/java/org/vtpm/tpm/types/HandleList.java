package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_HANDLE: handles. */
public record HandleList(
        @Count(max = TpmLimits.MAX_CAP_HANDLES) List<Handle> handles) implements CapabilitiesUnion {

    public HandleList {
        handles = List.copyOf(handles);
    }
}
