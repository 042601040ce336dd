package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.TkHashcheck;

/** The response of TPM2_Hash. */
public record HashResponse(
        Digest outHash,
        TkHashcheck validation) implements TpmResponse {
}
