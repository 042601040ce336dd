package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Cap;

/** TPM2_GetCapability: reads up to {@code propertyCount} entries of a capability group, from {@code property} on. */
public record GetCapability(
        Cap capability,
        int property,
        int propertyCount) implements TpmCommand<GetCapabilityResponse> {
}
