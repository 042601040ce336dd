package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.DictionaryAttackLockReset;
import org.vtpm.tpm.command.DictionaryAttackLockResetResponse;
import org.vtpm.tpm.command.DictionaryAttackParameters;
import org.vtpm.tpm.command.DictionaryAttackParametersResponse;
import org.vtpm.tpm.engine.state.DictionaryAttack;

/** TPM2_DictionaryAttackLockReset and TPM2_DictionaryAttackParameters (Part 3, 25.2 and 25.3). */
public final class DictionaryAttackCommands {

    private final DictionaryAttack da;

    public DictionaryAttackCommands(DictionaryAttack da) {
        this.da = da;
    }

    public DictionaryAttackLockResetResponse lockReset(DictionaryAttackLockReset command, Request request) {
        da.lockReset();
        return new DictionaryAttackLockResetResponse();
    }

    public DictionaryAttackParametersResponse parameters(DictionaryAttackParameters command, Request request) {
        da.parameters(command.newMaxTries(), command.newRecoveryTime(), command.lockoutRecovery());
        return new DictionaryAttackParametersResponse();
    }
}
