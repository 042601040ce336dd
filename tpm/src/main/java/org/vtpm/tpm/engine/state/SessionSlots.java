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

/** The loaded HMAC sessions, at {@code 0x02000000} plus the slot number, the lowest free slot first. */
public final class SessionSlots {

    public static final int CAPACITY = 3;

    private final TreeMap<Integer, AuthSession> slots;

    private SessionSlots(TreeMap<Integer, AuthSession> slots) {
        this.slots = slots;
    }

    public static SessionSlots empty() {
        return new SessionSlots(new TreeMap<>());
    }

    public Optional<Handle> add(AuthSession session) {
        for (int slot = 0; slot < CAPACITY; slot++) {
            if (!slots.containsKey(slot)) {
                slots.put(slot, session);
                return Optional.of(new Handle(Hc.HMAC_SESSION_FIRST + slot));
            }
        }
        return Optional.empty();
    }

    public Optional<AuthSession> get(Handle handle) {
        return Optional.ofNullable(slots.get(slotOf(handle)));
    }

    public boolean flush(Handle handle) {
        return slots.remove(slotOf(handle)) != null;
    }

    /** _TPM_Init: sessions do not survive a power cycle. */
    public void clear() {
        slots.clear();
    }

    public int size() {
        return slots.size();
    }

    public List<Handle> handles() {
        List<Handle> handles = new ArrayList<>(slots.size());
        for (int slot : slots.keySet()) {
            handles.add(new Handle(Hc.HMAC_SESSION_FIRST + slot));
        }
        return handles;
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
        return new SessionSlots(slots);
    }
}
