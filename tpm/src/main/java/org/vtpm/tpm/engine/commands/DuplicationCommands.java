package org.vtpm.tpm.engine.commands;

import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.vtpm.tpm.command.Duplicate;
import org.vtpm.tpm.command.DuplicateResponse;
import org.vtpm.tpm.command.Import;
import org.vtpm.tpm.command.ImportResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.crypto.OaepLabel;
import org.vtpm.tpm.engine.keys.Duplication;
import org.vtpm.tpm.engine.keys.KeyMaterial;
import org.vtpm.tpm.engine.keys.ProtectedStorage;
import org.vtpm.tpm.engine.keys.Secrets;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Data;
import org.vtpm.tpm.types.EncryptedSecret;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.KeyBits;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SymDefObject;
import org.vtpm.tpm.types.SymModeAlg;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_Duplicate and TPM2_Import (Part 3, 13.1 and 13.3; Part 1, 23.3): an object leaves under
 * an optional inner wrap (a symmetric key the caller holds) and an optional outer wrap (a seed
 * shared with the new parent), and is rewrapped as an ordinary private area under its new parent.
 */
public final class DuplicationCommands {

    private static final int IMPORT_ENCRYPTION_KEY = 1;
    private static final int IMPORT_OBJECT_PUBLIC = 2;
    private static final int IMPORT_DUPLICATE = 3;
    private static final int IMPORT_SYM_SEED = 4;
    private static final int IMPORT_SYMMETRIC = 5;
    private static final int DUPLICATE_ENCRYPTION_KEY = 1;
    private static final int DUPLICATE_SYMMETRIC = 2;

    private final EngineState state;

    public DuplicationCommands(EngineState state) {
        this.state = state;
    }

    /**
     * Only objects without fixedParent leave, and those with encryptedDuplication only under both
     * wraps. encryptionKeyOut is the inner key when the TPM made it, else empty.
     */
    public DuplicateResponse duplicate(Duplicate command, Request request) throws CommandError {
        if (!(state.objects().get(command.objectHandle()).orElseThrow() instanceof LoadedKey object)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(1));
        }
        if (object.has(ObjectAttributes.FIXED_PARENT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(1));
        }
        Sensitive sensitive = object.sensitive().orElseThrow(() -> CommandError.of(TpmRc.TYPE.withHandle(1)));
        boolean toNull = command.newParentHandle().equals(Handle.RH_NULL);
        LoadedKey newParent = toNull ? null : newParent(command.newParentHandle());
        SymDefObject symmetric = command.symmetricAlg();
        boolean inner = !symmetric.algorithm().equals(AlgId.NULL);
        if (object.has(ObjectAttributes.ENCRYPTED_DUPLICATION)) {
            if (!inner) {
                throw CommandError.of(TpmRc.SYMMETRIC.withParameter(DUPLICATE_SYMMETRIC));
            }
            if (toNull) {
                throw CommandError.of(TpmRc.HIERARCHY.withHandle(2));
            }
        }
        byte[] innerKey = command.encryptionKeyIn().buffer();
        boolean generated = false;
        if (inner) {
            int keyBytes = innerKeyBytes(symmetric, DUPLICATE_SYMMETRIC);
            if (innerKey.length != 0 && innerKey.length != keyBytes) {
                throw CommandError.of(TpmRc.SIZE.withParameter(DUPLICATE_ENCRYPTION_KEY));
            }
            if (innerKey.length == 0) {
                innerKey = state.random().generate(keyBytes);
                generated = true;
            }
        } else if (innerKey.length != 0) {
            throw CommandError.of(TpmRc.SIZE.withParameter(DUPLICATE_ENCRYPTION_KEY));
        }
        HashAlgorithm nameAlg = Algorithms.hash(object.publicValue().nameAlg()).orElseThrow();
        try {
            byte[] blob = inner ? Duplication.wrapInner(nameAlg, object.name(), sensitive, innerKey)
                    : Duplication.plain(sensitive);
            EncryptedSecret outSymSeed = EncryptedSecret.EMPTY;
            if (newParent != null) {
                Secrets.Exchange exchange = Secrets.encrypt(newParent.publicValue(), OaepLabel.DUPLICATE,
                        state.random()::generate);
                blob = ProtectedStorage.wrapOuter(Protectors.of(newParent.publicValue(), exchange.seed()),
                        object.name(), blob);
                outSymSeed = exchange.secret();
            }
            return new DuplicateResponse(new Data(generated ? innerKey : new byte[0]), new Private(blob), outSymSeed);
        } catch (CryptoException e) {
            throw CommandError.of(CryptoErrors.rc(e).withHandle(2));
        }
    }

    /**
     * Opens the wraps a duplicate carries (the outer one with the seed this parent's private key
     * recovers) and returns the object's private area under this parent.
     */
    public ImportResponse importObject(Import command, Request request) throws CommandError {
        if (command.objectPublic().isEmpty()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(IMPORT_OBJECT_PUBLIC));
        }
        Public publicArea = command.objectPublic().value();
        if (publicArea.objectAttributes().has(ObjectAttributes.FIXED_TPM)
                || publicArea.objectAttributes().has(ObjectAttributes.FIXED_PARENT)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(IMPORT_OBJECT_PUBLIC));
        }
        LoadedKey parent = parent(command.parentHandle());
        SymDefObject symmetric = command.symmetricAlg();
        byte[] innerKey = command.encryptionKey().buffer();
        boolean encryptedDuplication = publicArea.objectAttributes().has(ObjectAttributes.ENCRYPTED_DUPLICATION);
        boolean inner = !symmetric.algorithm().equals(AlgId.NULL);
        if (inner) {
            if (innerKey.length != innerKeyBytes(symmetric, IMPORT_SYMMETRIC)) {
                throw CommandError.of(TpmRc.SIZE.withParameter(IMPORT_ENCRYPTION_KEY));
            }
        } else {
            if (innerKey.length != 0) {
                throw CommandError.of(TpmRc.SIZE.withParameter(IMPORT_ENCRYPTION_KEY));
            }
            if (encryptedDuplication) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(IMPORT_ENCRYPTION_KEY));
            }
        }
        byte[] seed = null;
        if (command.inSymSeed().size() != 0) {
            if (parent.publicValue().type().equals(AlgId.SYMCIPHER)) {
                throw CommandError.of(TpmRc.TYPE.withHandle(1));
            }
            AsymmetricKeyParameter privateKey = parent.privateKey()
                    .orElseThrow(() -> CommandError.of(TpmRc.KEY.withHandle(1)));
            try {
                seed = Secrets.decrypt(parent.publicValue(), privateKey, OaepLabel.DUPLICATE, command.inSymSeed());
            } catch (CryptoException e) {
                throw CommandError.of(CryptoErrors.rc(e).withParameter(IMPORT_SYM_SEED));
            }
        } else if (encryptedDuplication) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(IMPORT_SYM_SEED));
        }
        HashAlgorithm nameAlg = Algorithms.hash(publicArea.nameAlg())
                .orElseThrow(() -> CommandError.of(TpmRc.HASH.withParameter(IMPORT_OBJECT_PUBLIC)));
        Name name = Name.of(command.objectPublic());
        Sensitive sensitive;
        try {
            byte[] blob = command.duplicate().buffer();
            if (blob.length == 0) {
                throw new TpmFormatException(TpmRc.INSUFFICIENT, "empty duplicate");
            }
            if (seed != null) {
                blob = ProtectedStorage.unwrapOuter(Protectors.of(parent.publicValue(), seed), name, blob);
            }
            sensitive = inner ? Duplication.unwrapInner(nameAlg, name, blob, innerKey) : Duplication.openPlain(blob);
        } catch (TpmFormatException e) {
            throw CommandError.of(e.rc().base().withParameter(IMPORT_DUPLICATE));
        }
        if (parent.has(ObjectAttributes.FIXED_TPM)) {
            ObjectTemplates.validateExisting(publicArea, IMPORT_OBJECT_PUBLIC);
            if (!KeyMaterial.isPair(publicArea, sensitive)) {
                throw CommandError.of(TpmRc.BINDING.withParameter(IMPORT_OBJECT_PUBLIC));
            }
        }
        try {
            return new ImportResponse(new Private(ProtectedStorage.wrap(Protectors.of(parent.publicValue(),
                    parent.sensitive().orElseThrow().seedValue().buffer()), name, sensitive)));
        } catch (CryptoException e) {
            throw CommandError.of(TpmRc.FAILURE);
        }
    }

    /** The inner wrap is AES-CFB (Part 1, 23.3.2.3), with a key size the engine implements. */
    private static int innerKeyBytes(SymDefObject symmetric, int p) throws CommandError {
        if (!symmetric.algorithm().equals(AlgId.AES) || !(symmetric.keyBits() instanceof KeyBits bits)
                || bits.value() != 128 && bits.value() != 256) {
            throw CommandError.of(TpmRc.SYMMETRIC.withParameter(p));
        }
        if (!(symmetric.mode() instanceof SymModeAlg mode) || !mode.mode().equals(AlgId.CFB)) {
            throw CommandError.of(TpmRc.MODE.withParameter(p));
        }
        return bits.value() / 8;
    }

    /** A loaded storage key with its private part: else TPM_RC_TYPE for the parent handle. */
    private LoadedKey parent(Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.has(ObjectAttributes.RESTRICTED) && key.has(ObjectAttributes.DECRYPT)
                && key.sensitive().isPresent()) {
            return key;
        }
        throw CommandError.of(TpmRc.TYPE.withHandle(1));
    }

    /** A storage key, whose public part suffices to wrap to it. */
    private LoadedKey newParent(Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.has(ObjectAttributes.RESTRICTED) && key.has(ObjectAttributes.DECRYPT)
                && !key.publicValue().type().equals(AlgId.KEYEDHASH)) {
            return key;
        }
        throw CommandError.of(TpmRc.TYPE.withHandle(2));
    }
}
