package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.Create;
import org.vtpm.tpm.command.CreateLoaded;
import org.vtpm.tpm.command.CreateLoadedResponse;
import org.vtpm.tpm.command.CreatePrimary;
import org.vtpm.tpm.command.CreatePrimaryResponse;
import org.vtpm.tpm.command.CreateResponse;
import org.vtpm.tpm.command.Load;
import org.vtpm.tpm.command.LoadExternal;
import org.vtpm.tpm.command.LoadExternalResponse;
import org.vtpm.tpm.command.LoadResponse;
import org.vtpm.tpm.command.ReadPublic;
import org.vtpm.tpm.command.ReadPublicResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.engine.keys.KeyMaterial;
import org.vtpm.tpm.engine.keys.PrimaryKeys;
import org.vtpm.tpm.engine.keys.ProtectedStorage;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.ObjectSlots;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.CreationData;
import org.vtpm.tpm.types.Digest;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.LocalityAttributes;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.PcrSelectionList;
import org.vtpm.tpm.types.Private;
import org.vtpm.tpm.types.Public;
import org.vtpm.tpm.types.Sensitive;
import org.vtpm.tpm.types.SensitiveCreate;
import org.vtpm.tpm.types.TkCreation;
import org.vtpm.tpm.wire.Codecs;
import org.vtpm.tpm.wire.Tpm2b;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;

/**
 * TPM2_CreatePrimary (Part 3, 24.1), TPM2_Create (12.1), TPM2_Load (12.2), TPM2_LoadExternal
 * (12.3), TPM2_ReadPublic (12.4) and TPM2_CreateLoaded (12.9).
 */
public final class ObjectCommands {

    private final EngineState state;
    private final PrimaryKeys primaries;

    public ObjectCommands(EngineState state, PrimaryKeys primaries) {
        this.state = state;
        this.primaries = primaries;
    }

    public CreatePrimaryResponse createPrimary(CreatePrimary command, Request request) throws CommandError {
        CreateInput input = CreateInput.of(command.inSensitive(), command.inPublic(), command.creationPCR());
        Handle hierarchy = command.primaryHandle();
        LoadedKey key = primaryKey(hierarchy, input);
        Handle handle = state.objects().add(key).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        HashAlgorithm nameAlg = input.nameAlg();
        PcrSelectionList creationPcrs = input.creationPcrs();
        CreationData creation = new CreationData(creationPcrs,
                new Digest(PcrSelections.digest(nameAlg, creationPcrs, state.pcrs())),
                new LocalityAttributes(1 << request.locality()), AlgId.NULL, Name.of(hierarchy), Name.of(hierarchy),
                command.outsideInfo());
        byte[] creationHash = nameAlg.hash(Codecs.marshal(creation));
        return new CreatePrimaryResponse(handle, key.publicArea(), Tpm2b.of(creation), new Digest(creationHash),
                creationTicket(hierarchy, key.name(), creationHash), key.name());
    }

    /** An ordinary object under a loaded storage parent, returned wrapped by the parent. */
    public CreateResponse create(Create command, Request request) throws CommandError {
        LoadedKey parent = storageParent(command.parentHandle());
        CreateInput input = CreateInput.of(command.inSensitive(), command.inPublic(), command.creationPCR());
        Ordinary object = ordinary(parent, input);
        HashAlgorithm nameAlg = input.nameAlg();
        PcrSelectionList creationPcrs = input.creationPcrs();
        CreationData creation = new CreationData(creationPcrs,
                new Digest(PcrSelections.digest(nameAlg, creationPcrs, state.pcrs())),
                new LocalityAttributes(1 << request.locality()), parent.publicValue().nameAlg(), parent.name(),
                parent.qualifiedName(), command.outsideInfo());
        byte[] creationHash = nameAlg.hash(Codecs.marshal(creation));
        return new CreateResponse(object.wrapped(), object.publicArea(), Tpm2b.of(creation), new Digest(creationHash),
                creationTicket(parent.hierarchy(), object.name(), creationHash));
    }

    /**
     * TPM2_CreateLoaded (Part 3, 12.9): under a hierarchy the primary object TPM2_CreatePrimary
     * would make from the same template, else an ordinary object under a storage parent, loaded
     * and also returned wrapped. The engine makes no derivation parents (its keyed-hash objects
     * never decrypt), so a parent that is not a storage key is TPM_RC_TYPE, as the reference
     * implementation answers for any parent that is neither.
     */
    public CreateLoadedResponse createLoaded(CreateLoaded command, Request request) throws CommandError {
        Handle parentHandle = command.parentHandle();
        boolean primary = parentHandle.type().equals(Ht.PERMANENT);
        LoadedKey parent = primary ? null : storageParent(parentHandle);
        if (state.objects().size() >= ObjectSlots.CAPACITY) {
            throw CommandError.of(TpmRc.OBJECT_MEMORY);
        }
        Public template;
        try {
            template = Codecs.unmarshal(Public.class, command.inPublic().buffer());
        } catch (TpmFormatException e) {
            throw CommandError.of(e.rc().base().withParameter(2));
        }
        CreateInput input = CreateInput.of(command.inSensitive(), Tpm2b.of(template), PcrSelectionList.EMPTY);
        LoadedKey key;
        Private outPrivate;
        if (primary) {
            key = primaryKey(parentHandle, input);
            outPrivate = Private.EMPTY;
        } else {
            Ordinary object = ordinary(parent, input);
            key = new LoadedKey(parent.hierarchy(), object.publicArea(), object.sensitive(),
                    Name.qualified(parent.qualifiedName(), object.name()));
            outPrivate = object.wrapped();
        }
        Handle handle = state.objects().add(key).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new CreateLoadedResponse(handle, outPrivate, key.publicArea(), key.name());
    }

    /** The primary object a hierarchy's seed gives for a template, not yet loaded. */
    private LoadedKey primaryKey(Handle hierarchy, CreateInput input) {
        PrimaryKeys.Derived derived = primaries.derive(state.hierarchies().seed(hierarchy), input.template(),
                input.nameAlg(), input.userAuth(), input.data());
        Tpm2b<Public> publicArea = Tpm2b.of(derived.publicArea());
        Name name = Name.of(publicArea);
        return new LoadedKey(hierarchy, publicArea, derived.sensitive(), Name.qualified(Name.of(hierarchy), name));
    }

    /** A new ordinary object: its public area, name, sensitive area, and that area wrapped by the parent. */
    private record Ordinary(Tpm2b<Public> publicArea, Name name, Sensitive sensitive, Private wrapped) {
    }

    private Ordinary ordinary(LoadedKey parent, CreateInput input) throws CommandError {
        PrimaryKeys.Derived derived = PrimaryKeys.generate(state.random().generate(Hierarchies.SEED_SIZE),
                input.template(), input.nameAlg(), input.userAuth(), input.data());
        Tpm2b<Public> publicArea = Tpm2b.of(derived.publicArea());
        Name name = Name.of(publicArea);
        try {
            return new Ordinary(publicArea, name, derived.sensitive(),
                    new Private(ProtectedStorage.wrap(protection(parent), name, derived.sensitive())));
        } catch (CryptoException e) {
            throw CommandError.of(TpmRc.FAILURE);
        }
    }

    /** Loads an object TPM2_Create made under the same parent. */
    public LoadResponse load(Load command, Request request) throws CommandError {
        LoadedKey parent = storageParent(command.parentHandle());
        if (command.inPublic().isEmpty()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(2));
        }
        Public publicArea = command.inPublic().value();
        ObjectTemplates.validateExisting(publicArea, 2);
        Name name = Name.of(command.inPublic());
        Sensitive sensitive;
        try {
            sensitive = ProtectedStorage.unwrap(protection(parent), name, command.inPrivate().buffer());
        } catch (TpmFormatException e) {
            throw CommandError.of(e.rc().base().withParameter(1));
        }
        if (!KeyMaterial.isPair(publicArea, sensitive)) {
            throw CommandError.of(TpmRc.BINDING.withParameter(2));
        }
        LoadedKey key = new LoadedKey(parent.hierarchy(), command.inPublic(), sensitive,
                Name.qualified(parent.qualifiedName(), name));
        Handle handle = state.objects().add(key).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new LoadResponse(handle, name);
    }

    /** A loaded storage key (restricted, decrypting, with its seed): else TPM_RC_TYPE for handle 1. */
    LoadedKey storageParent(Handle handle) throws CommandError {
        if (state.objects().get(handle).orElseThrow() instanceof LoadedKey key
                && key.has(ObjectAttributes.RESTRICTED) && key.has(ObjectAttributes.DECRYPT)
                && key.sensitive().isPresent()) {
            return key;
        }
        throw CommandError.of(TpmRc.TYPE.withHandle(1));
    }

    static ProtectedStorage.Parent protection(LoadedKey parent) throws CommandError {
        return Protectors.of(parent.publicValue(), parent.sensitive().orElseThrow().seedValue().buffer());
    }

    private TkCreation creationTicket(Handle hierarchy, Name name, byte[] creationHash) {
        return Tickets.creation(state.hierarchies(), hierarchy, name, creationHash);
    }

    /**
     * Loads an object from outside: its public area alone (then in any hierarchy), or with its
     * sensitive area (then only in the null hierarchy, and never as a TPM-bound or restricted
     * object, which the TPM would otherwise vouch for).
     */
    public LoadExternalResponse loadExternal(LoadExternal command, Request request) throws CommandError {
        if (command.inPublic().isEmpty()) {
            throw CommandError.of(TpmRc.SIZE.withParameter(2));
        }
        Public publicArea = command.inPublic().value();
        Sensitive sensitive = command.inPrivate().asOptional().orElse(null);
        if (Algorithms.hash(publicArea.nameAlg()).isEmpty()) {
            throw CommandError.of(TpmRc.HASH.withParameter(2));
        }
        if (sensitive != null) {
            if (!command.hierarchy().equals(Handle.RH_NULL)) {
                throw CommandError.of(TpmRc.HIERARCHY.withParameter(3));
            }
            if (publicArea.objectAttributes().has(ObjectAttributes.FIXED_TPM)
                    || publicArea.objectAttributes().has(ObjectAttributes.FIXED_PARENT)
                    || publicArea.objectAttributes().has(ObjectAttributes.RESTRICTED)) {
                throw CommandError.of(TpmRc.ATTRIBUTES.withParameter(2));
            }
            if (!sensitive.sensitiveType().equals(publicArea.type())) {
                throw CommandError.of(TpmRc.TYPE.withParameter(1));
            }
            if ((publicArea.type().equals(AlgId.RSA) || publicArea.type().equals(AlgId.ECC))
                    && KeyMaterial.privateKey(publicArea, sensitive).isEmpty()) {
                throw CommandError.of(TpmRc.BINDING.withParameter(2));
            }
        } else if ((publicArea.type().equals(AlgId.RSA) || publicArea.type().equals(AlgId.ECC))
                && KeyMaterial.publicKey(publicArea).isEmpty()) {
            throw CommandError.of((publicArea.type().equals(AlgId.ECC) ? TpmRc.ECC_POINT : TpmRc.KEY)
                    .withParameter(2));
        }
        if (!state.hierarchies().isEnabled(command.hierarchy())) {
            throw CommandError.of(TpmRc.HIERARCHY.withParameter(3));
        }
        Tpm2b<Public> encoded = Tpm2b.of(publicArea);
        Name name = Name.of(encoded);
        LoadedKey key = new LoadedKey(command.hierarchy(), encoded, sensitive,
                Name.qualified(Name.of(command.hierarchy()), name));
        Handle handle = state.objects().add(key).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new LoadExternalResponse(handle, name);
    }

    public ReadPublicResponse readPublic(ReadPublic command, Request request) throws CommandError {
        TransientObject object = state.objects().get(command.objectHandle()).orElseThrow();
        if (!(object instanceof LoadedKey key)) {
            throw CommandError.of(TpmRc.SEQUENCE.withHandle(1));
        }
        return new ReadPublicResponse(key.publicArea(), key.name(), key.qualifiedName());
    }

    /**
     * The inputs TPM2_CreatePrimary and TPM2_Create share, checked the same way: both sized
     * areas present, the template valid, the authValue (trailing zeros trimmed) no longer than a
     * nameAlg digest, and the creation PCRs filtered to the implemented banks.
     */
    private record CreateInput(Public template, byte[] data, HashAlgorithm nameAlg, byte[] userAuth,
            PcrSelectionList creationPcrs) {

        static CreateInput of(Tpm2b<SensitiveCreate> inSensitive, Tpm2b<Public> inPublic,
                PcrSelectionList creationPcr) throws CommandError {
            if (inSensitive.isEmpty()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(1));
            }
            if (inPublic.isEmpty()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(2));
            }
            SensitiveCreate sensitive = inSensitive.value();
            Public template = inPublic.value();
            byte[] data = sensitive.data().buffer();
            HashAlgorithm nameAlg = ObjectTemplates.validate(template, 2, data.length > 0);
            byte[] userAuth = AuthValues.trimTrailingZeros(sensitive.userAuth().buffer());
            if (userAuth.length > nameAlg.digestSize()) {
                throw CommandError.of(TpmRc.SIZE.withParameter(1));
            }
            return new CreateInput(template, data, nameAlg, userAuth, PcrSelections.filter(creationPcr, 4));
        }
    }
}
