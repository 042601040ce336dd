package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Tpm2b;

/** TPM2_CreatePrimary: creates a primary object under a hierarchy and loads it. */
public record CreatePrimary(
        @HandleArea(auth = AuthRole.USER)
        @Check(value = Tpmi.RhHierarchy.class, nullValue = NullValue.ACCEPTED) Handle primaryHandle,
        Tpm2b<SensitiveCreate> inSensitive,
        Tpm2b<Public> inPublic,
        Data outsideInfo,
        PcrSelectionList creationPCR) implements TpmCommand<CreatePrimaryResponse> {
}
