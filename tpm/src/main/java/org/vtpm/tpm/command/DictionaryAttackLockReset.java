package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_DictionaryAttackLockReset: clears the dictionary-attack failure count. */
public record DictionaryAttackLockReset(
        @HandleArea(auth = AuthRole.USER)
        @Check(Tpmi.RhLockout.class) Handle lockHandle) implements TpmCommand<DictionaryAttackLockResetResponse> {
}
