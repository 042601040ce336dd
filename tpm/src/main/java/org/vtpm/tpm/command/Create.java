package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_Create: creates an ordinary object under a loaded parent, without loading it. */
public record Create(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.DhObject.class) Handle parentHandle,
        Tpm2b<SensitiveCreate> inSensitive,
        Tpm2b<Public> inPublic,
        Data outsideInfo,
        PcrSelectionList creationPCR) implements TpmCommand<CreateResponse> {
}
