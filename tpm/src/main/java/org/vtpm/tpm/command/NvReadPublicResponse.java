package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvPublic;
import org.vtpm.tpm.wire.Tpm2b;

/** The response of TPM2_NV_ReadPublic. */
public record NvReadPublicResponse(
        Tpm2b<NvPublic> nvPublic,
        Name nvName) implements TpmResponse {
}
