package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_Load: loads an object created under a loaded parent. */
public record Load(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle parentHandle,
        Private inPrivate,
        Tpm2b<Public> inPublic) implements TpmCommand<LoadResponse> {
}
