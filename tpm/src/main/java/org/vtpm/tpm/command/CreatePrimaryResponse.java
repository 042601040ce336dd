package org.vtpm.tpm.command;

import org.vtpm.tpm.types.CreationData;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.TkCreation;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_CreatePrimary. */
public record CreatePrimaryResponse(
        @HandleArea Handle objectHandle,
        Tpm2b<Public> outPublic,
        Tpm2b<CreationData> creationData,
        Digest creationHash,
        TkCreation creationTicket,
        Name name) implements TpmResponse {
}
