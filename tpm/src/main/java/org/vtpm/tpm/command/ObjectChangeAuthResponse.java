package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Private;

/** The response of TPM2_ObjectChangeAuth. */
public record ObjectChangeAuthResponse(
        Private outPrivate) implements TpmResponse {
}
