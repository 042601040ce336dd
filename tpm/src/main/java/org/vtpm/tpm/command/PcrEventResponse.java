package org.vtpm.tpm.command;

import org.vtpm.tpm.types.DigestValuesList;

/** The response of TPM2_PCR_Event. */
public record PcrEventResponse(
        DigestValuesList digests) implements TpmResponse {
}
