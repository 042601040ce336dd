package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;
import org.vtpm.tpm.wire.NullValue;
import org.vtpm.tpm.wire.Plus;

/** TPM2_Duplicate: wraps an object for import under another parent. */
public record Duplicate(
        @HandleArea(auth = AuthRole.DUP) @Check(Tpmi.DhObject.class) Handle objectHandle,
        @HandleArea @Check(value = Tpmi.DhObject.class, nullValue = NullValue.ACCEPTED) Handle newParentHandle,
        Data encryptionKeyIn,
        @Plus SymDefObject symmetricAlg) implements TpmCommand<DuplicateResponse> {
}
