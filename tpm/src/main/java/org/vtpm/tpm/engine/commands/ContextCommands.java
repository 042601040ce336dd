package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.ContextLoad;
import org.vtpm.tpm.command.ContextLoadResponse;
import org.vtpm.tpm.command.ContextSave;
import org.vtpm.tpm.command.ContextSaveResponse;
import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.EvictControlResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.FlushContextResponse;
import org.vtpm.tpm.crypto.CryptoException;
import org.vtpm.tpm.engine.keys.SavedContexts;
import org.vtpm.tpm.engine.state.AuthSession;
import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.ObjectSlots;
import org.vtpm.tpm.engine.state.Sequence;
import org.vtpm.tpm.engine.state.SessionSlots;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.Context;
import org.vtpm.tpm.types.ContextData;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.types.TpmLimits;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmWriter;

/** TPM2_ContextSave, TPM2_ContextLoad, TPM2_FlushContext and TPM2_EvictControl (Part 3, clause 28). */
public final class ContextCommands {

    private static final Handle SAVED_OBJECT = new Handle(0x8000_0000);
    private static final Handle SAVED_SEQUENCE = new Handle(0x8000_0001);
    private static final Handle SAVED_ST_CLEAR_OBJECT = new Handle(0x8000_0002);

    private final EngineState state;
    private final ObjectSlots objects;

    public ContextCommands(EngineState state) {
        this.state = state;
        this.objects = state.objects();
    }

    /** Saves a transient object's context, which stays loaded, or a session's, which leaves the loaded set. */
    public ContextSaveResponse save(ContextSave command, Request request) throws CommandError {
        if (isSession(command.saveHandle())) {
            return saveSession(command.saveHandle());
        }
        TransientObject object = objects.get(command.saveHandle()).orElseThrow();
        Handle hierarchy = object instanceof LoadedKey key ? key.hierarchy() : Handle.RH_NULL;
        Handle savedHandle = object instanceof Sequence ? SAVED_SEQUENCE
                : ((LoadedKey) object).has(ObjectAttributes.ST_CLEAR) ? SAVED_ST_CLEAR_OBJECT : SAVED_OBJECT;
        long sequence = state.contexts().next();
        TpmWriter body = new TpmWriter();
        ObjectSlots.writeObject(body, object);
        return new ContextSaveResponse(seal(hierarchy, sequence, savedHandle, body));
    }

    /**
     * A session's context is bound to the null hierarchy's proof, so a TPM Reset voids it, and the
     * TPM remembers its sequence number so the blob loads only once.
     */
    private ContextSaveResponse saveSession(Handle handle) throws CommandError {
        long sequence = state.contexts().next();
        TpmWriter body = new TpmWriter();
        SessionSlots.writeSession(body, state.sessions().get(handle).orElseThrow());
        Context context = seal(Handle.RH_NULL, sequence, handle, body);
        state.sessions().save(handle, sequence);
        return new ContextSaveResponse(context);
    }

    private Context seal(Handle hierarchy, long sequence, Handle savedHandle, TpmWriter body) throws CommandError {
        try {
            byte[] blob = SavedContexts.seal(binding(hierarchy, sequence, savedHandle), body.toByteArray());
            if (blob.length > TpmLimits.MAX_CONTEXT_SIZE) {
                throw CommandError.of(TpmRc.SIZE.withHandle(1));
            }
            return new Context(sequence, savedHandle, hierarchy, new ContextData(blob));
        } catch (CryptoException e) {
            throw CommandError.of(TpmRc.FAILURE);
        }
    }

    private static boolean isSession(Handle handle) {
        return handle.type().equals(Ht.HMAC_SESSION) || handle.type().equals(Ht.POLICY_SESSION);
    }

    public ContextLoadResponse load(ContextLoad command, Request request) throws CommandError {
        Context context = command.context();
        Handle savedHandle = context.savedHandle();
        if (isSession(savedHandle)) {
            return loadSession(context);
        }
        if (!savedHandle.equals(SAVED_OBJECT) && !savedHandle.equals(SAVED_SEQUENCE)
                && !savedHandle.equals(SAVED_ST_CLEAR_OBJECT)) {
            throw CommandError.of(TpmRc.HANDLE.withParameter(1));
        }
        if (!state.hierarchies().isEnabled(context.hierarchy())) {
            throw CommandError.of(TpmRc.HIERARCHY.withParameter(1));
        }
        TransientObject object;
        try {
            byte[] body = SavedContexts.open(binding(context.hierarchy(), context.sequence(), savedHandle),
                    context.contextBlob().buffer());
            TpmReader in = new TpmReader(body);
            object = ObjectSlots.readObject(in);
            in.requireEnd();
        } catch (TpmFormatException e) {
            throw CommandError.of(TpmRc.INTEGRITY.withParameter(1));
        }
        Handle handle = objects.add(object).orElseThrow(() -> CommandError.of(TpmRc.OBJECT_MEMORY));
        return new ContextLoadResponse(handle);
    }

    /** Only the newest context of a session that is still saved loads; an older copy is a replay. */
    private ContextLoadResponse loadSession(Context context) throws CommandError {
        Handle handle = context.savedHandle();
        if (!context.hierarchy().equals(Handle.RH_NULL) || !state.sessions().isSaved(handle, context.sequence())) {
            throw CommandError.of(TpmRc.HANDLE.withParameter(1));
        }
        AuthSession session;
        try {
            byte[] body = SavedContexts.open(binding(Handle.RH_NULL, context.sequence(), handle),
                    context.contextBlob().buffer());
            TpmReader in = new TpmReader(body);
            session = SessionSlots.readSession(in);
            in.requireEnd();
        } catch (TpmFormatException e) {
            throw CommandError.of(TpmRc.INTEGRITY.withParameter(1));
        }
        state.sessions().restore(handle, session);
        return new ContextLoadResponse(handle);
    }

    private SavedContexts.Binding binding(Handle hierarchy, long sequence, Handle savedHandle) {
        return new SavedContexts.Binding(state.hierarchies().proof(hierarchy), sequence, savedHandle.value(),
                state.clock().resetCount());
    }

    public FlushContextResponse flush(FlushContext command, Request request) throws CommandError {
        Handle handle = command.flushHandle();
        boolean flushed = handle.type().equals(Ht.TRANSIENT) ? objects.flush(handle) : state.sessions().flush(handle);
        if (!flushed) {
            throw CommandError.of(TpmRc.HANDLE.withParameter(1));
        }
        return new FlushContextResponse();
    }

    /**
     * Makes a loaded key persistent, or evicts a persistent one. The owner persists into the lower
     * half of the persistent range, the platform into the upper half, each only its own
     * hierarchies' objects; the platform may evict any.
     */
    public EvictControlResponse evictControl(EvictControl command, Request request) throws CommandError {
        if (!(objects.get(command.objectHandle()).orElseThrow() instanceof LoadedKey key)) {
            throw CommandError.of(TpmRc.TYPE.withHandle(2));
        }
        boolean platform = command.auth().equals(Handle.RH_PLATFORM);
        boolean platformObject = key.hierarchy().equals(Handle.RH_PLATFORM);
        Handle target = command.persistentHandle();
        if (command.objectHandle().type().equals(Ht.PERSISTENT)) {
            if (!command.objectHandle().equals(target)) {
                throw CommandError.of(TpmRc.HANDLE.withHandle(2));
            }
            if (platformObject && !platform) {
                throw CommandError.of(TpmRc.HIERARCHY.withHandle(2));
            }
            objects.evict(target);
            return new EvictControlResponse();
        }
        if (platformObject != platform) {
            throw CommandError.of(TpmRc.HIERARCHY.withHandle(2));
        }
        if (key.hierarchy().equals(Handle.RH_NULL)) {
            throw CommandError.of(TpmRc.HIERARCHY.withHandle(2));
        }
        if (key.has(ObjectAttributes.ST_CLEAR)) {
            throw CommandError.of(TpmRc.ATTRIBUTES.withHandle(2));
        }
        if (Integer.compareUnsigned(target.value(), Hc.PLATFORM_PERSISTENT) >= 0 != platform) {
            throw CommandError.of(TpmRc.RANGE.withParameter(1));
        }
        if (objects.get(target).isPresent()) {
            throw CommandError.of(TpmRc.NV_DEFINED);
        }
        if (!objects.persist(target, key)) {
            throw CommandError.of(TpmRc.NV_SPACE);
        }
        return new EvictControlResponse();
    }
}
