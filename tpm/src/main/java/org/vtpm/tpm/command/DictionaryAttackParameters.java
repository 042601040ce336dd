package org.vtpm.tpm.command;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Tpmi;
import org.vtpm.tpm.wire.Check;

/** TPM2_DictionaryAttackParameters: sets the dictionary-attack limits. */
public record DictionaryAttackParameters(
        @HandleArea(auth = AuthRole.USER) @Check(Tpmi.RhLockout.class) Handle lockHandle,
        int newMaxTries,
        int newRecoveryTime,
        int lockoutRecovery) implements TpmCommand<DictionaryAttackParametersResponse> {
}
