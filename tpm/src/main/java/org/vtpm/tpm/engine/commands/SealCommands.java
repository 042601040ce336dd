package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.Unseal;
import org.vtpm.tpm.command.UnsealResponse;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.SensitiveData;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_Unseal (Part 3, 12.7). A sealed-data object is a keyed-hash object that can neither sign
 * nor decrypt and is not restricted; TPM2_Create makes one from the caller's data. Which session
 * may authorize it (password, HMAC, or a policy matching its authPolicy) the dispatcher decides.
 */
public final class SealCommands {

    private final EngineState state;

    public SealCommands(EngineState state) {
        this.state = state;
    }

    public UnsealResponse unseal(Unseal command, Request request) throws CommandError {
        if (!(state.objects().get(command.itemHandle()).orElseThrow() instanceof LoadedKey item)
                || !item.publicValue().type().equals(AlgId.KEYEDHASH) || item.sensitive().isEmpty()) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        if (item.has(ObjectAttributes.SIGN_ENCRYPT) || item.has(ObjectAttributes.DECRYPT)
                || item.has(ObjectAttributes.RESTRICTED)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        return new UnsealResponse((SensitiveData) item.sensitive().orElseThrow().sensitive());
    }
}
