package org.vtpm.tpm.engine.commands;

import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.LoadedKey;
import org.vtpm.tpm.engine.state.TransientObject;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Ht;
import org.vtpm.tpm.types.Name;
import org.vtpm.tpm.types.NvAttributes;

/**
 * What authorization needs to know of an entity the dispatcher found present: its name (Part 1,
 * 16: the public area's digest for keys and NV indices, empty for sequences, the handle
 * otherwise), its authValue, and whether dictionary-attack protection applies to it.
 */
public final class Entities {

    private Entities() {
    }

    public static Name name(EngineState state, Handle entity) {
        Ht type = entity.type();
        if (type.equals(Ht.TRANSIENT) || type.equals(Ht.PERSISTENT)) {
            if (state.objects().get(entity).orElseThrow() instanceof LoadedKey key) {
                return key.name();
            }
            // A sequence object has no public area, so no nameAlg: its Name is the empty buffer
            // (Part 1, 16), which is what an HMAC over a command naming it must cover.
            return Name.EMPTY;
        }
        if (type.equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().name();
        }
        return Name.of(entity);
    }

    public static byte[] authValue(EngineState state, Handle entity) {
        Ht type = entity.type();
        if (type.equals(Ht.PCR)) {
            return state.pcrAuthorizations().authValue(entity.value());
        }
        if (type.equals(Ht.TRANSIENT) || type.equals(Ht.PERSISTENT)) {
            return state.objects().get(entity).map(TransientObject::authValue).orElseThrow();
        }
        if (type.equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().authValue();
        }
        return state.hierarchies().authValue(entity);
    }

    /**
     * Whether a failed authorization leaves the dictionary-attack counter alone: PCRs, every
     * permanent handle but TPM_RH_LOCKOUT, and objects and NV indices with noDA (Part 1, 19.8.6).
     */
    public static boolean isDaExempt(EngineState state, Handle entity) {
        Ht type = entity.type();
        if (type.equals(Ht.TRANSIENT) || type.equals(Ht.PERSISTENT)) {
            return state.objects().get(entity).map(TransientObject::isDaExempt).orElseThrow();
        }
        if (type.equals(Ht.NV_INDEX)) {
            return state.nv().get(entity).orElseThrow().has(NvAttributes.NO_DA);
        }
        return !entity.equals(Handle.RH_LOCKOUT);
    }
}
