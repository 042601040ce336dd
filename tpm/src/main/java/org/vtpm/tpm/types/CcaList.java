package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_CCA: command attributes. */
public record CcaList(
        @Count(max = TpmLimits.MAX_CAP_CC) List<CcAttributes> commandAttributes) implements CapabilitiesUnion {

    public CcaList {
        commandAttributes = List.copyOf(commandAttributes);
    }
}
