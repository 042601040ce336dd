package org.vtpm.tpm.command;

import org.vtpm.tpm.types.CapabilityData;

/** The response of TPM2_GetCapability. */
public record GetCapabilityResponse(
        boolean moreData,
        CapabilityData capabilityData) implements TpmResponse {
}
