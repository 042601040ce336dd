package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_PCR_SetAuthValue: sets the authValue of the authorization group a PCR belongs to. */
public record PcrSetAuthValue(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhPcr.class) Handle pcrHandle,
        Digest auth) implements TpmCommand<PcrSetAuthValueResponse> {
}
