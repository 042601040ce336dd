package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Timeout;
import org.vtpm.tpm.types.TkAuth;

/** The response of TPM2_PolicySigned. */
public record PolicySignedResponse(
        Timeout timeout,
        TkAuth policyTicket) implements TpmResponse {
}
