package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_Unseal: returns the data of a sealed-data object. */
public record Unseal(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.DhObject.class) Handle itemHandle) implements TpmCommand<UnsealResponse> {
}
