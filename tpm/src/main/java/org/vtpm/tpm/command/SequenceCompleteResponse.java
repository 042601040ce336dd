package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.TkHashcheck;

/** The response of TPM2_SequenceComplete. */
public record SequenceCompleteResponse(
        Digest result,
        TkHashcheck validation) implements TpmResponse {
}
