package org.vtpm.tpm.command;

import org.vtpm.tpm.types.DigestList;
import org.vtpm.tpm.types.PcrSelectionList;

/** The response of TPM2_PCR_Read. */
public record PcrReadResponse(
        int pcrUpdateCounter,
        PcrSelectionList pcrSelectionOut,
        DigestList pcrValues) implements TpmResponse {
}
