package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SigScheme;
import org.vtpm.tpm.types.TkHashcheck;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Plus;

/** TPM2_Sign: signs a digest. */
public record Sign(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle keyHandle,
        Digest digest,
        @Plus SigScheme inScheme,
        TkHashcheck validation) implements TpmCommand<SignResponse> {
}
