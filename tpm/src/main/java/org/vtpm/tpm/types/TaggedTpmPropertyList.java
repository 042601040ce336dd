package org.vtpm.tpm.types;

import java.util.List;

import org.vtpm.tpm.wire.Count;

/** TPML_TAGGED_TPM_PROPERTY: TPM properties. */
public record TaggedTpmPropertyList(
        @Count(max = TpmLimits.MAX_TPM_PROPERTIES) List<TaggedProperty> tpmProperty) implements CapabilitiesUnion {

    public TaggedTpmPropertyList {
        tpmProperty = List.copyOf(tpmProperty);
    }
}
