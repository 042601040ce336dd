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
 * The active HMAC sessions, at {@code 0x02000000} plus the slot number, the lowest free slot first.
 * An active session is either loaded or saved (Part 1, 30.5): a saved session's state lives only in
 * the context blob TPM2_ContextSave returned, and the TPM keeps just the sequence number of that
 * blob so that it loads once and an older copy is refused.
 */
public final class SessionSlots {

    public static final int CAPACITY = 3;

    private final TreeMap<Integer, AuthSession> slots;
    private final TreeMap<Integer, Long> saved;

    private SessionSlots(TreeMap<Integer, AuthSession> slots, TreeMap<Integer, Long> saved) {
        this.slots = slots;
        this.saved = saved;
    }

    public static SessionSlots empty() {
        return new SessionSlots(new TreeMap<>(), new TreeMap<>());
    }

    public Optional<Handle> add(AuthSession session) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (!slots.containsKey(slot) && !saved.containsKey(slot)) {
                slots.put(slot, session);
                return Optional.of(new Handle(Hc.HMAC_SESSION_FIRST + slot));
            }
        }
        return Optional.empty();
    }

    public Optional<AuthSession> get(Handle handle) {
        return Optional.ofNullable(slots.get(slotOf(handle)));
    }

    /** Ends a loaded or a saved session. */
    public boolean flush(Handle handle) {
        int slot = slotOf(handle);
        return slots.remove(slot) != null || saved.remove(slot) != null;
    }

    /**
     * Marks a loaded session saved under the given context sequence number.
     *
     * @return the session's state, which from now on only the context blob holds
     */
    public Optional<AuthSession> save(Handle handle, long sequence) {
        int slot = slotOf(handle);
        AuthSession session = slots.remove(slot);
        if (session != null) {
            saved.put(slot, sequence);
        }
        return Optional.ofNullable(session);
    }

    /** Whether the handle names a saved session whose newest context has this sequence number. */
    public boolean isSaved(Handle handle, long sequence) {
        Long expected = saved.get(slotOf(handle));
        return expected != null && expected == sequence;
    }

    /** Loads a saved session back under its handle; the caller checked {@link #isSaved}. */
    public void restore(Handle handle, AuthSession session) {
        int slot = slotOf(handle);
        saved.remove(slot);
        slots.put(slot, session);
    }

    /** _TPM_Init: loaded sessions do not survive a power cycle; saved ones last until a TPM Reset. */
    public void clear() {
        slots.clear();
    }

    /** TPM Reset: the saved sessions' blobs no longer open, so their handles become free. */
    public void reset() {
        saved.clear();
    }

    /** The loaded sessions. */
    public int size() {
        return slots.size();
    }

    /** The loaded and the saved sessions. */
    public int activeCount() {
        return slots.size() + saved.size();
    }

    public List<Handle> handles() {
        return handlesOf(slots.keySet());
    }

    /** The saved sessions' handles, as GetCapability lists them in the TPM_HT_SAVED_SESSION range. */
    public List<Handle> savedHandles() {
        return handlesOf(saved.keySet());
    }

    private static List<Handle> handlesOf(Iterable<Integer> slotNumbers) {
        List<Handle> handles = new ArrayList<>();
        for (int slot : slotNumbers) {
            handles.add(new Handle(Hc.HMAC_SESSION_FIRST + slot));
        }
        return handles;
    }

    /** A session as saved contexts carry it. */
    public static void writeSession(TpmWriter out, AuthSession session) {
        session.write(out);
    }

    public static AuthSession readSession(TpmReader in) throws TpmFormatException {
        return AuthSession.read(in);
    }

    private static int slotOf(Handle handle) {
        return handle.type().value() == Hc.HR_HMAC_SESSION >>> Hc.HR_SHIFT ? handle.index() : -1;
    }

    public void write(TpmWriter out) {
        out.writeU8(slots.size());
        for (Map.Entry<Integer, AuthSession> entry : slots.entrySet()) {
            out.writeU8(entry.getKey());
            entry.getValue().write(out);
        }
    }

    public static SessionSlots read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " sessions");
        }
        TreeMap<Integer, AuthSession> slots = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int slot = in.readU8();
            if (slot >= CAPACITY || slots.put(slot, AuthSession.read(in)) != null) {
                throw new TpmFormatException(TpmRc.VALUE, "session slot " + slot);
            }
        }
        in.requireEnd();
        return new SessionSlots(slots, new TreeMap<>());
    }

    /** The saved sessions, a section of their own so that states written before it still load. */
    public void writeSaved(TpmWriter out) {
        out.writeU8(saved.size());
        for (Map.Entry<Integer, Long> entry : saved.entrySet()) {
            out.writeU8(entry.getKey());
            out.writeU64(entry.getValue());
        }
    }

    public void readSaved(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " saved sessions");
        }
        TreeMap<Integer, Long> read = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int slot = in.readU8();
            if (slot >= CAPACITY || slots.containsKey(slot) || read.put(slot, in.readU64()) != null) {
                throw new TpmFormatException(TpmRc.VALUE, "saved session slot " + slot);
            }
        }
        in.requireEnd();
        saved.putAll(read);
    }
}
