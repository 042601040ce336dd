package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.NvChangeAuth;
import org.vtpm.tpm.command.NvChangeAuthResponse;
import org.vtpm.tpm.command.ObjectChangeAuth;
import org.vtpm.tpm.command.ObjectChangeAuthResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.ProtectedStorage;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.NvIndex;
import org.vtpm.tpm.types.Auth;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_ObjectChangeAuth (Part 3, 12.6) and TPM2_NV_ChangeAuth (31.13): both need the ADMIN role,
 * which for an NV index only a policy session with PolicyCommandCode(NV_ChangeAuth) gives.
 */
public final class AuthChangeCommands {

    private final EngineState state;
    private final ObjectCommands objects;

    public AuthChangeCommands(EngineState state, ObjectCommands objects) {
        this.state = state;
        this.objects = objects;
    }

    /**
     * The object's private area wrapped again by its parent with the new authValue. The loaded
     * object keeps its old authValue: the caller loads the new private area to use the new one.
     */
    public ObjectChangeAuthResponse objectChangeAuth(ObjectChangeAuth command, Request request)
            throws CommandError {
        if (!(state.objects().get(command.objectHandle()).orElseThrow() instanceof LoadedKey object)
                || object.sensitive().isEmpty()) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        HashAlgorithm nameAlg = Algorithms.hash(object.publicValue().nameAlg()).orElseThrow();
        byte[] newAuth = newAuth(command.newAuth(), nameAlg);
        LoadedKey parent = objects.storageParent(command.parentHandle());
        if (!Name.qualified(parent.qualifiedName(), object.name()).equals(object.qualifiedName())) {
            throw CommandError.of(TpmRc.TYPE.withHandle(2));
        }
        Sensitive old = object.sensitive().get();
        Sensitive changed = new Sensitive(old.sensitiveType(), new Auth(newAuth), old.seedValue(), old.sensitive());
        try {
            return new ObjectChangeAuthResponse(new Private(ProtectedStorage.wrap(ObjectCommands.protection(parent),
                    object.name(), changed)));
        } catch (CryptoException e) {
            throw CommandError.of(TpmRc.FAILURE);
        }
    }

    public NvChangeAuthResponse nvChangeAuth(NvChangeAuth command, Request request) throws CommandError {
        NvIndex index = state.nv().get(command.nvIndex()).orElseThrow();
        HashAlgorithm nameAlg = Algorithms.hash(index.publicArea().nameAlg()).orElseThrow();
        index.authValue(newAuth(command.newAuth(), nameAlg));
        return new NvChangeAuthResponse();
    }

    /** Trailing zeros dropped, and then no longer than a digest of the entity's nameAlg. */
    private static byte[] newAuth(Auth newAuth, HashAlgorithm nameAlg) throws CommandError {
        byte[] value = AuthValues.trimTrailingZeros(newAuth.buffer());
        if (value.length > nameAlg.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        return value;
    }
}
