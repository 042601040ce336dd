package org.vtpm.tpm.command;

import org.vtpm.tpm.types.DigestValuesList;

/** The response of TPM2_EventSequenceComplete. */
public record EventSequenceCompleteResponse(
        DigestValuesList results) implements TpmResponse {
}
