package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.command.EvictControl;
import org.vtpm.tpm.command.EvictControlResponse;
import org.vtpm.tpm.command.FlushContext;
import org.vtpm.tpm.command.FlushContextResponse;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.ObjectSlots;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.ObjectAttributes;
import org.vtpm.tpm.wire.TpmRc;

/** TPM2_FlushContext and TPM2_EvictControl (Part 3, 28.4 and 28.5). */
public final class ContextCommands {

    private final ObjectSlots objects;

    public ContextCommands(ObjectSlots objects) {
        this.objects = objects;
    }

    public FlushContextResponse flush(FlushContext command, Request request) throws CommandError {
        if (!command.flushHandle().type().equals(Ht.TRANSIENT) || !objects.flush(command.flushHandle())) {
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
