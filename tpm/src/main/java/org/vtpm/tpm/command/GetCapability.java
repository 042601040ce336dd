package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Cap;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_GetCapability: reads up to {@code propertyCount} entries of a capability group, from {@code property} on. */
public record GetCapability(
        @Check(Tpmi.CapValues.class) Cap capability,
        int property,
        int propertyCount) implements TpmCommand<GetCapabilityResponse> {
}
