package org.vtpm.tpm.command;

import org.vtpm.tpm.types.MaxNvBuffer;

/** The response of TPM2_NV_Read. */
public record NvReadResponse(
        MaxNvBuffer data) implements TpmResponse {
}
