package org.vtpm.tpm.engine.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Hc;
import org.vtpm.tpm.wire.TpmFormatException;
import org.vtpm.tpm.wire.TpmReader;
import org.vtpm.tpm.wire.TpmRc;
import org.vtpm.tpm.wire.TpmWriter;

/**
 * The active sessions, at {@code 0x02000000} (HMAC) or {@code 0x03000000} (policy and trial) plus
 * the slot number, the lowest free slot first; both kinds share the slots.
 * An active session is either loaded or saved (Part 1, 30.5): a saved session's state lives only in
 * the context blob TPM2_ContextSave returned, and the TPM keeps just the sequence number of that
 * blob so that it loads once and an older copy is refused.
 */
public final class SessionSlots {

    public static final int CAPACITY = 3;

    private static final int NO_SLOT = 0xFF;

    private final TreeMap<Integer, AuthSession> slots;
    private final TreeMap<Integer, Long> saved;
    private final TreeSet<Integer> savedPolicy = new TreeSet<>();
    private int exclusiveAudit = NO_SLOT;
    private long epoch;

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
                return Optional.of(handleOf(slot, session.isPolicy()));
            }
        }
        return Optional.empty();
    }

    /** The loaded session with this handle; a policy session is not found under an HMAC handle, nor the reverse. */
    public Optional<AuthSession> get(Handle handle) {
        AuthSession session = slots.get(slotOf(handle));
        return session != null && session.isPolicy() == isPolicyHandle(handle) ? Optional.of(session)
                : Optional.empty();
    }

    /** Ends a loaded or a saved session. */
    public boolean flush(Handle handle) {
        int slot = slotOf(handle);
        if (slot == exclusiveAudit) {
            exclusiveAudit = NO_SLOT;
        }
        savedPolicy.remove(slot);
        return slots.remove(slot) != null || saved.remove(slot) != null;
    }

    /** The exclusive audit session (Part 1, 19.6.16): the one audit session no command has run without since its last use. */
    public Optional<Handle> exclusiveAudit() {
        return exclusiveAudit == NO_SLOT ? Optional.empty() : Optional.of(handleOf(exclusiveAudit, false));
    }

    public void exclusiveAudit(Optional<Handle> handle) {
        exclusiveAudit = handle.map(SessionSlots::slotOf).orElse(NO_SLOT);
    }

    /**
     * Marks a loaded session saved under the given context sequence number.
     *
     * @return the session's state, which from now on only the context blob holds
     */
    public Optional<AuthSession> save(Handle handle, long sequence) {
        int slot = slotOf(handle);
        AuthSession session = get(handle).orElse(null);
        if (session != null) {
            slots.remove(slot);
            saved.put(slot, sequence);
            if (session.isPolicy()) {
                savedPolicy.add(slot);
            }
        }
        return Optional.ofNullable(session);
    }

    /** Whether the handle names a saved session whose newest context has this sequence number. */
    public boolean isSaved(Handle handle, long sequence) {
        int slot = slotOf(handle);
        Long expected = saved.get(slot);
        return expected != null && expected == sequence && savedPolicy.contains(slot) == isPolicyHandle(handle);
    }

    /** Loads a saved session back under its handle; the caller checked {@link #isSaved}. */
    public void restore(Handle handle, AuthSession session) {
        int slot = slotOf(handle);
        saved.remove(slot);
        savedPolicy.remove(slot);
        slots.put(slot, session);
    }

    /** _TPM_Init: loaded sessions do not survive a power cycle; saved ones last until a TPM Reset. */
    public void clear() {
        slots.clear();
        exclusiveAudit = NO_SLOT;
        epoch++;
    }

    /**
     * Counts _TPM_Init. TPM time restarts at each, so a policy timeout or ticket measured in an
     * earlier epoch's time means nothing now.
     */
    public long epoch() {
        return epoch;
    }

    /** TPM Reset: the saved sessions' blobs no longer open, so their handles become free. */
    public void reset() {
        saved.clear();
        savedPolicy.clear();
    }

    /** The loaded sessions. */
    public int size() {
        return slots.size();
    }

    /** The loaded and the saved sessions. */
    public int activeCount() {
        return slots.size() + saved.size();
    }

    /** The loaded sessions' handles, each of its kind. */
    public List<Handle> handles() {
        List<Handle> handles = new ArrayList<>();
        for (Map.Entry<Integer, AuthSession> entry : slots.entrySet()) {
            handles.add(handleOf(entry.getKey(), entry.getValue().isPolicy()));
        }
        return handles;
    }

    /** The saved sessions' handles, as GetCapability lists them in the TPM_HT_SAVED_SESSION range. */
    public List<Handle> savedHandles() {
        List<Handle> handles = new ArrayList<>();
        for (int slot : saved.keySet()) {
            handles.add(handleOf(slot, savedPolicy.contains(slot)));
        }
        return handles;
    }

    private static Handle handleOf(int slot, boolean policy) {
        return new Handle((policy ? Hc.POLICY_SESSION_FIRST : Hc.HMAC_SESSION_FIRST) + slot);
    }

    /** A session as saved contexts carry it. */
    public static void writeSession(TpmWriter out, AuthSession session) {
        session.write(out);
    }

    /** A session from a saved context, which ends after the version-1 fields if an older engine saved it. */
    public static AuthSession readSession(TpmReader in) throws TpmFormatException {
        return AuthSession.read(in, AuthSession.Layout.BY_LENGTH);
    }

    private static boolean isPolicyHandle(Handle handle) {
        return handle.type().value() == Hc.HR_POLICY_SESSION >>> Hc.HR_SHIFT;
    }

    private static int slotOf(Handle handle) {
        int type = handle.type().value();
        return type == Hc.HR_HMAC_SESSION >>> Hc.HR_SHIFT || type == Hc.HR_POLICY_SESSION >>> Hc.HR_SHIFT
                ? handle.index() : -1;
    }

    /**
     * The layout of the sessions section: version 2 added each session's type, policy and audit
     * state, and the exclusive audit session; version 3 a policy session's locality and
     * physical-presence conditions.
     */
    public static final int VERSION = 3;

    /** The oldest layout that reads what {@link #write} writes now: only policy sessions differ in version 3. */
    public int minReaderVersion() {
        return slots.values().stream().anyMatch(AuthSession::isPolicy) ? VERSION : 2;
    }

    public void write(TpmWriter out) {
        out.writeU8(slots.size());
        for (Map.Entry<Integer, AuthSession> entry : slots.entrySet()) {
            out.writeU8(entry.getKey());
            entry.getValue().write(out);
        }
        out.writeU8(exclusiveAudit);
        out.writeU64(epoch);
    }

    public static SessionSlots read(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " sessions");
        }
        boolean extended = section.version() >= 2;
        TreeMap<Integer, AuthSession> slots = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            int slot = in.readU8();
            if (slot >= CAPACITY || slots.put(slot, AuthSession.read(in, layout(section.version()))) != null) {
                throw new TpmFormatException(TpmRc.VALUE, "session slot " + slot);
            }
        }
        SessionSlots sessions = new SessionSlots(slots, new TreeMap<>());
        if (extended) {
            int exclusive = in.readU8();
            AuthSession audit = slots.get(exclusive);
            if (exclusive != NO_SLOT && (audit == null || !audit.isAudit())) {
                throw new TpmFormatException(TpmRc.VALUE, "exclusive audit session slot " + exclusive);
            }
            sessions.exclusiveAudit = exclusive;
            sessions.epoch = in.readU64();
        }
        in.requireEnd();
        return sessions;
    }

    private static AuthSession.Layout layout(int version) {
        return version >= VERSION ? AuthSession.Layout.VERSION_3
                : version == 2 ? AuthSession.Layout.VERSION_2 : AuthSession.Layout.VERSION_1;
    }

    /**
     * The saved sessions, a section of their own so that states written before it still load.
     * Version 2 adds whether each is a policy session.
     */
    public void writeSaved(TpmWriter out) {
        out.writeU8(saved.size());
        for (Map.Entry<Integer, Long> entry : saved.entrySet()) {
            out.writeU8(entry.getKey());
            out.writeU64(entry.getValue());
            StateFields.writeBoolean(out, savedPolicy.contains(entry.getKey()));
        }
    }

    public void readSaved(StateReader.Section section) throws TpmFormatException {
        TpmReader in = section.body();
        int count = in.readU8();
        if (count > CAPACITY) {
            throw new TpmFormatException(TpmRc.SIZE, count + " saved sessions");
        }
        TreeMap<Integer, Long> read = new TreeMap<>();
        TreeSet<Integer> policies = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int slot = in.readU8();
            if (slot >= CAPACITY || slots.containsKey(slot) || read.put(slot, in.readU64()) != null) {
                throw new TpmFormatException(TpmRc.VALUE, "saved session slot " + slot);
            }
            if (section.version() >= 2 && StateFields.readBoolean(in)) {
                policies.add(slot);
            }
        }
        in.requireEnd();
        saved.putAll(read);
        savedPolicy.addAll(policies);
    }
}
