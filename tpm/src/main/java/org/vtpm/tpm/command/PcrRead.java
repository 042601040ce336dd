package org.vtpm.tpm.command;

import org.vtpm.tpm.types.PcrSelectionList;

/** TPM2_PCR_Read: reads PCR values. */
public record PcrRead(
        PcrSelectionList pcrSelectionIn) implements TpmCommand<PcrReadResponse> {
}
