package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_ALG_PROPERTY: algorithms and their kinds. */
public record AlgPropertyList(
        @Count(max = TpmLimits.MAX_CAP_ALGS) List<AlgProperty> algProperties) implements CapabilitiesUnion {

    public AlgPropertyList {
        algProperties = List.copyOf(algProperties);
    }
}
