package org.vtpm.tpm.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The transient object slots. Handles are {@code 0x80000000} plus the slot number, the lowest free
 * slot first, as the reference implementation hands them out.
 */
public final class ObjectSlots {

    public static final int CAPACITY = 3;
    private static final int KIND_HASH_SEQUENCE = 1;

    private final TreeMap<Integer, TransientObject> slots;

    private ObjectSlots(TreeMap<Integer, TransientObject> slots) {
        this.slots = slots;
    }

    public static ObjectSlots empty() {
        return new ObjectSlots(new TreeMap<>());
    }

    /**
     * Loads an object into the lowest free slot.
     *
     * @return its handle, or empty when every slot is taken
     */
    public Optional<Handle> add(TransientObject object) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (!slots.containsKey(slot)) {
                slots.put(slot, object);
                return Optional.of(new Handle(Hc.TRANSIENT_FIRST + slot));
            }
        }
        return Optional.empty();
    }

    public Optional<TransientObject> get(Handle handle) {
        return Optional.ofNullable(slots.get(slotOf(handle)));
    }

    public boolean flush(Handle handle) {
        return slots.remove(slotOf(handle)) != null;
    }

    /** _TPM_Init: transient objects do not survive a power cycle. */
    public void clear() {
        slots.clear();
    }

    public int size() {
        return slots.size();
    }

    /** The handles of the loaded objects, in handle order. */
    public List<Handle> handles() {
        List<Handle> handles = new ArrayList<>(slots.size());
        for (int slot : slots.keySet()) {
            handles.add(new Handle(Hc.TRANSIENT_FIRST + slot));
        }
        return handles;
    }

    private static int slotOf(Handle handle) {
        return handle.type().value() == Hc.HR_TRANSIENT >>> Hc.HR_SHIFT ? handle.index() : -1;
    }

    public void write(TpmWriter out) {
        out.writeU8(slots.size());
        for (Map.Entry<Integer, TransientObject> entry : slots.entrySet()) {
            out.writeU8(entry.getKey());
            TransientObject object = entry.getValue();
            if (object instanceof HashSequence) {
                out.writeU8(KIND_HASH_SEQUENCE);
            }
            object.write(out);
        }
    }

    public static ObjectSlots read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " objects for " + CAPACITY + " slots");
        }
        TreeMap<Integer, TransientObject> slots = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int slot = in.readU8();
            int kind = in.readU8();
            if (slot >= CAPACITY || slots.containsKey(slot)) {
                throw new TpmFormatException(TpmRc.VALUE, "object slot " + slot);
            }
            if (kind != KIND_HASH_SEQUENCE) {
                throw new TpmFormatException(TpmRc.TYPE, "object kind " + kind);
            }
            slots.put(slot, HashSequence.read(in));
        }
        in.requireEnd();
        return new ObjectSlots(slots);
    }
}
