package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_CC: command codes. */
public record CcList(
        @Count(max = TpmLimits.MAX_CAP_CC) List<Cc> commandCodes) implements CapabilitiesUnion {

    public CcList {
        commandCodes = List.copyOf(commandCodes);
    }
}
