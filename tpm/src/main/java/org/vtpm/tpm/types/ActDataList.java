package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_ACT_DATA: authenticated countdown timers. */
public record ActDataList(
        @Count(max = TpmLimits.MAX_ACT_DATA) List<ActData> actData) implements CapabilitiesUnion {

    public ActDataList {
        actData = List.copyOf(actData);
    }
}
