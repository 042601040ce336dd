package org.vtpm.tpm.types;

import org.vtpm.tpm.wire.Selector;

/** TPMS_CAPABILITY_DATA: one capability group and its data. */
public record CapabilityData(
        Cap capability,
        @Selector("capability") CapabilitiesUnion data) {
}
