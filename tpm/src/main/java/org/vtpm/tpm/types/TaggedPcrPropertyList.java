package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_TAGGED_PCR_PROPERTY: PCR properties. */
public record TaggedPcrPropertyList(
        @Count(max = TpmLimits.MAX_PCR_PROPERTIES) List<TaggedPcrSelect> pcrProperty) implements CapabilitiesUnion {

    public TaggedPcrPropertyList {
        pcrProperty = List.copyOf(pcrProperty);
    }
}
