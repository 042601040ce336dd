package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_ReadPublic. */
public record ReadPublicResponse(
        Tpm2b<Public> outPublic,
        Name name,
        Name qualifiedName) implements TpmResponse {
}
