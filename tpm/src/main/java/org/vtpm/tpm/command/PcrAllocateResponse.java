package org.vtpm.tpm.command;

/**
 * The response of TPM2_PCR_Allocate: whether the allocation will take effect, the number of PCRs
 * per bank, and the PCR memory the allocation needs and the TPM has.
 */
public record PcrAllocateResponse(
        boolean allocationSuccess,
        int maxPCR,
        int sizeNeeded,
        int sizeAvailable) implements TpmResponse {
}
