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
 * The objects: transient slots, whose handles are {@code 0x80000000} plus the slot number (the
 * lowest free slot first, as the reference implementation hands them out), and the persistent
 * objects TPM2_EvictControl made, by their persistent handles.
 */
public final class ObjectSlots {

    public static final int CAPACITY = 3;
    public static final int PERSISTENT_CAPACITY = 7;
    private static final int KIND_HASH_SEQUENCE = 1;
    private static final int KIND_KEY = 2;
    private static final int KIND_HMAC_SEQUENCE = 3;
    /** The objects section's layout: version 2 added HMAC sequences. */
    public static final int VERSION = 2;

    private final TreeMap<Integer, TransientObject> slots;
    private final TreeMap<Integer, LoadedKey> persistent = new TreeMap<>(Integer::compareUnsigned);

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

    /** A transient or persistent object. */
    public Optional<TransientObject> get(Handle handle) {
        if (handle.type().value() == Hc.HR_PERSISTENT >>> Hc.HR_SHIFT) {
            return Optional.ofNullable(persistent.get(handle.value()));
        }
        return Optional.ofNullable(slots.get(slotOf(handle)));
    }

    /** TPM2_EvictControl: makes a loaded key persistent under {@code handle}. */
    public boolean persist(Handle handle, LoadedKey key) {
        if (persistent.size() >= PERSISTENT_CAPACITY || persistent.containsKey(handle.value())) {
            return false;
        }
        persistent.put(handle.value(), key);
        return true;
    }

    public boolean evict(Handle handle) {
        return persistent.remove(handle.value()) != null;
    }

    public int persistentCount() {
        return persistent.size();
    }

    public List<Handle> persistentHandles() {
        List<Handle> handles = new ArrayList<>(persistent.size());
        for (int h : persistent.keySet()) {
            handles.add(new Handle(h));
        }
        return handles;
    }

    public void writePersistent(TpmWriter out) {
        out.writeU8(persistent.size());
        for (Map.Entry<Integer, LoadedKey> entry : persistent.entrySet()) {
            out.writeU32(entry.getKey());
            entry.getValue().write(out);
        }
    }

    /** Adds the persistent objects a PERSISTENT section holds. */
    public void readPersistent(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > PERSISTENT_CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " persistent objects");
        }
        for (int i = 0; i < count; i++) {
            Handle handle = new Handle(in.readU32());
            if (handle.type().value() != Hc.HR_PERSISTENT >>> Hc.HR_SHIFT || !persist(handle, LoadedKey.read(in))) {
                throw new TpmFormatException(TpmRc.VALUE, "persistent object " + handle);
            }
        }
        in.requireEnd();
    }

    public boolean flush(Handle handle) {
        return slots.remove(slotOf(handle)) != null;
    }

    /** Flushes the loaded objects of a hierarchy (it was disabled, cleared or got a new seed). */
    public void flushHierarchy(Handle hierarchy) {
        slots.values().removeIf(o -> o instanceof LoadedKey key && key.hierarchy().equals(hierarchy));
    }

    /** Removes the persistent objects of a hierarchy (TPM2_Clear, TPM2_ChangeEPS, TPM2_ChangePPS). */
    public void evictHierarchy(Handle hierarchy) {
        persistent.values().removeIf(key -> key.hierarchy().equals(hierarchy));
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

    /** The oldest objects-section layout that can read what {@link #write} writes now. */
    public int minReaderVersion() {
        return slots.values().stream().anyMatch(HmacSequence.class::isInstance) ? VERSION : 1;
    }

    public void write(TpmWriter out) {
        out.writeU8(slots.size());
        for (Map.Entry<Integer, TransientObject> entry : slots.entrySet()) {
            out.writeU8(entry.getKey());
            writeObject(out, entry.getValue());
        }
    }

    /** An object with its kind, as saved states and saved contexts carry it. */
    public static void writeObject(TpmWriter out, TransientObject object) {
        int kind = object instanceof HashSequence ? KIND_HASH_SEQUENCE
                : object instanceof HmacSequence ? KIND_HMAC_SEQUENCE : KIND_KEY;
        out.writeU8(kind);
        object.write(out);
    }

    public static TransientObject readObject(TpmReader in) throws TpmFormatException {
        int kind = in.readU8();
        if (kind == KIND_HASH_SEQUENCE) {
            return HashSequence.read(in);
        }
        if (kind == KIND_KEY) {
            return LoadedKey.read(in);
        }
        if (kind == KIND_HMAC_SEQUENCE) {
            return HmacSequence.read(in);
        }
        throw new TpmFormatException(TpmRc.TYPE, "object kind " + kind);
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
            if (slot >= CAPACITY || slots.containsKey(slot)) {
                throw new TpmFormatException(TpmRc.VALUE, "object slot " + slot);
            }
            slots.put(slot, readObject(in));
        }
        in.requireEnd();
        return new ObjectSlots(slots);
    }
}
