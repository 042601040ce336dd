package org.vtpm.tpm.engine.commands;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vtpm.tpm.command.ActivateCredential;
import org.vtpm.tpm.command.ActivateCredentialResponse;
import org.vtpm.tpm.command.MakeCredential;
import org.vtpm.tpm.command.MakeCredentialResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.OaepLabel;
import org.vtpm.tpm.engine.keys.ProtectedStorage;
import org.vtpm.tpm.engine.keys.Secrets;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.IdObject;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_MakeCredential and TPM2_ActivateCredential (Part 3, 12.6 and 12.5; Part 1, 24): a
 * credential for the object of a given name, protected by a seed only the holder of a restricted
 * decryption key (an EK) can recover, and released only for an object loaded with that name.
 */
public final class CredentialCommands {

    private final EngineState state;

    public CredentialCommands(EngineState state) {
        this.state = state;
    }

    /** Needs only the public part of the protector, so anyone may make a credential for any EK. */
    public MakeCredentialResponse makeCredential(MakeCredential command, Request request) throws CommandError {
        LoadedKey protector = protector(command.handle(), 1);
        HashAlgorithm nameAlg = Algorithms.hash(protector.publicValue().nameAlg()).orElseThrow();
        if (command.credential().size() > nameAlg.digestSize()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(1));
        }
        try {
            Secrets.Exchange exchange = Secrets.encrypt(protector.publicValue(), OaepLabel.IDENTITY,
                    state.random()::generate);
            byte[] blob = ProtectedStorage.wrapOuter(Protectors.of(protector.publicValue(), exchange.seed()),
                    command.objectName(), Codecs.marshal(command.credential()));
            return new MakeCredentialResponse(new IdObject(blob), exchange.secret());
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e).withHandle(1));
        }
    }

    /**
     * Releases the credential when its blob was made for the name of {@code activateHandle} and
     * its seed for {@code keyHandle}: a wrong key fails the seed (TPM_RC_VALUE for RSA) or the
     * integrity check, a wrong object the integrity check (TPM_RC_INTEGRITY).
     */
    public ActivateCredentialResponse activateCredential(ActivateCredential command, Request request)
            throws CommandError {
        if (!(state.objects().get(command.activateHandle()).orElseThrow() instanceof LoadedKey activated)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        LoadedKey protector = protector(command.keyHandle(), 2);
        AsymmetricKeyParameter privateKey = protector.privateKey()
                .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(2)));
        byte[] seed;
        try {
            seed = Secrets.decrypt(protector.publicValue(), privateKey, OaepLabel.IDENTITY, command.secret());
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e).withParameter(2));
        }
        try {
            byte[] plaintext = ProtectedStorage.unwrapOuter(Protectors.of(protector.publicValue(), seed),
                    activated.name(), command.credentialBlob().buffer());
            return new ActivateCredentialResponse(Codecs.unmarshal(Digest.class, plaintext));
        } catch (TpmFormatException e) {
            throw CommandError.of(e.rc().base().withParameter(1));
        }
    }

    /** An asymmetric, restricted decryption key (Part 3 gives TPM_RC_TYPE otherwise). */
    private LoadedKey protector(Handle handle, int handleNumber) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && (key.publicValue().type().equals(AlgId.RSA) || key.publicValue().type().equals(AlgId.ECC))
                && key.has(ObjectAttributes.RESTRICTED) && key.has(ObjectAttributes.DECRYPT)) {
            return key;
        }
        throw CommandError.of(TpmRc.TYPE.withHandle(handleNumber));
    }
}
