package org.vtpm.tpm.engine.commands;

import java.util.ArrayList;
import java.util.List;

import org.vtpm.tpm.engine.state.EngineState;
import org.vtpm.tpm.engine.state.Hierarchies;
import org.vtpm.tpm.engine.state.NvIndices;
import org.vtpm.tpm.engine.state.ObjectSlots;
import org.vtpm.tpm.engine.state.SessionSlots;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.Handle;
import org.vtpm.tpm.types.Pt;
import org.vtpm.tpm.types.TaggedProperty;
import org.vtpm.tpm.types.TpmLimits;

/**
 * The TPM properties of TPM_CAP_TPM_PROPERTIES (Part 2, 6.13): the fixed ones describe this
 * implementation, the variable ones are read from the state at the time of the command.
 */
public final class TpmProperties {

    /** TPM_SPEC_VERSION 1.59 of November 2019, the revision whose semantics the engine follows. */
    static final int SPEC_REVISION = 159;
    static final int SPEC_DAY_OF_YEAR = 312;
    static final int SPEC_YEAR = 2019;
    /** "VTPM": this project is not a registered TCG vendor; the ID is chosen not to collide with one. */
    static final int MANUFACTURER = ascii("VTPM");
    static final int TRANSIENT_OBJECTS = ObjectSlots.CAPACITY;
    static final int PERSISTENT_OBJECTS = ObjectSlots.PERSISTENT_CAPACITY;
    static final int LOADED_SESSIONS = SessionSlots.CAPACITY;
    static final int ACTIVE_SESSIONS = SessionSlots.CAPACITY;
    static final int NV_INDEX_MAX = NvIndices.MAX_INDEX_SIZE;
    /** TPM_PT_FIRMWARE_VERSION_1 and _2, as TPMS_ATTEST carries them. */
    static final long FIRMWARE_VERSION = 0x0001_0000_0000_0000L;

    private final EngineState state;
    private final CommandTable commands;

    TpmProperties(EngineState state, CommandTable commands) {
        this.state = state;
        this.commands = commands;
    }

    /** Every property, in tag order. */
    List<TaggedProperty> all() {
        List<TaggedProperty> p = new ArrayList<>(80);
        add(p, Pt.FAMILY_INDICATOR, ascii("2.0\0"));
        add(p, Pt.LEVEL, 0);
        add(p, Pt.REVISION, SPEC_REVISION);
        add(p, Pt.DAY_OF_YEAR, SPEC_DAY_OF_YEAR);
        add(p, Pt.YEAR, SPEC_YEAR);
        add(p, Pt.MANUFACTURER, MANUFACTURER);
        add(p, Pt.VENDOR_STRING_1, ascii("vTPM"));
        add(p, Pt.VENDOR_STRING_2, ascii(" man"));
        add(p, Pt.VENDOR_STRING_3, ascii("ager"));
        add(p, Pt.VENDOR_STRING_4, 0);
        add(p, Pt.VENDOR_TPM_TYPE, 0);
        add(p, Pt.FIRMWARE_VERSION_1, (int) (FIRMWARE_VERSION >>> 32));
        add(p, Pt.FIRMWARE_VERSION_2, (int) FIRMWARE_VERSION);
        add(p, Pt.INPUT_BUFFER, TpmLimits.MAX_DIGEST_BUFFER);
        add(p, Pt.HR_TRANSIENT_MIN, TRANSIENT_OBJECTS);
        add(p, Pt.HR_PERSISTENT_MIN, PERSISTENT_OBJECTS);
        add(p, Pt.HR_LOADED_MIN, LOADED_SESSIONS);
        add(p, Pt.ACTIVE_SESSIONS_MAX, ACTIVE_SESSIONS);
        add(p, Pt.PCR_COUNT, TpmLimits.IMPLEMENTATION_PCR);
        add(p, Pt.PCR_SELECT_MIN, TpmLimits.PCR_SELECT_MIN);
        add(p, Pt.CONTEXT_GAP_MAX, 0xFFFF);
        add(p, Pt.NV_COUNTERS_MAX, 0);
        add(p, Pt.NV_INDEX_MAX, NV_INDEX_MAX);
        add(p, Pt.MEMORY, 0);
        add(p, Pt.CLOCK_UPDATE, 0);
        add(p, Pt.CONTEXT_HASH, AlgId.SHA384.value());
        add(p, Pt.CONTEXT_SYM, AlgId.AES.value());
        add(p, Pt.CONTEXT_SYM_SIZE, 256);
        add(p, Pt.ORDERLY_COUNT, 0);
        add(p, Pt.MAX_COMMAND_SIZE, TpmLimits.MAX_COMMAND_SIZE);
        add(p, Pt.MAX_RESPONSE_SIZE, TpmLimits.MAX_RESPONSE_SIZE);
        add(p, Pt.MAX_DIGEST, Algorithms.MAX_DIGEST_SIZE);
        add(p, Pt.MAX_OBJECT_CONTEXT, TpmLimits.MAX_CONTEXT_SIZE);
        add(p, Pt.MAX_SESSION_CONTEXT, TpmLimits.MAX_CONTEXT_SIZE);
        add(p, Pt.PS_FAMILY_INDICATOR, 1);
        add(p, Pt.PS_LEVEL, 0);
        add(p, Pt.PS_REVISION, 0x0105);
        add(p, Pt.PS_DAY_OF_YEAR, 0);
        add(p, Pt.PS_YEAR, 0);
        add(p, Pt.SPLIT_MAX, 0);
        add(p, Pt.TOTAL_COMMANDS, commands.size());
        add(p, Pt.LIBRARY_COMMANDS, commands.size());
        add(p, Pt.VENDOR_COMMANDS, 0);
        add(p, Pt.NV_BUFFER_MAX, TpmLimits.MAX_NV_BUFFER_SIZE);
        add(p, Pt.MODES, 0);
        add(p, Pt.MAX_CAP_BUFFER, TpmLimits.MAX_CAP_BUFFER);
        add(p, Pt.PERMANENT, permanent());
        add(p, Pt.STARTUP_CLEAR, startupClear());
        add(p, Pt.HR_NV_INDEX, state.nv().size());
        add(p, Pt.HR_LOADED, state.sessions().size());
        add(p, Pt.HR_LOADED_AVAIL, LOADED_SESSIONS - state.sessions().size());
        add(p, Pt.HR_ACTIVE, state.sessions().activeCount());
        add(p, Pt.HR_ACTIVE_AVAIL, ACTIVE_SESSIONS - state.sessions().activeCount());
        add(p, Pt.HR_TRANSIENT_AVAIL, TRANSIENT_OBJECTS - state.objects().size());
        add(p, Pt.HR_PERSISTENT, state.objects().persistentCount());
        add(p, Pt.HR_PERSISTENT_AVAIL, PERSISTENT_OBJECTS - state.objects().persistentCount());
        add(p, Pt.NV_COUNTERS, 0);
        add(p, Pt.NV_COUNTERS_AVAIL, 0);
        add(p, Pt.ALGORITHM_SET, 0);
        add(p, Pt.LOADED_CURVES, Algorithms.CURVES.size());
        add(p, Pt.LOCKOUT_COUNTER, state.dictionaryAttack().failedTries());
        add(p, Pt.MAX_AUTH_FAIL, state.dictionaryAttack().maxTries());
        add(p, Pt.LOCKOUT_INTERVAL, state.dictionaryAttack().recoveryTime());
        add(p, Pt.LOCKOUT_RECOVERY, state.dictionaryAttack().lockoutRecovery());
        add(p, Pt.NV_WRITE_RECOVERY, 0);
        long auditCounter = state.audit().counter();
        add(p, Pt.AUDIT_COUNTER_0, (int) (auditCounter >>> 32));
        add(p, Pt.AUDIT_COUNTER_1, (int) auditCounter);
        return p;
    }

    /** TPMA_PERMANENT: which authorization values are set, disableClear, lockout; the EPS is always the TPM's own. */
    private int permanent() {
        Hierarchies h = state.hierarchies();
        int bits = 1 << 10;
        bits |= h.authValue(Handle.RH_OWNER).length > 0 ? 1 : 0;
        bits |= h.authValue(Handle.RH_ENDORSEMENT).length > 0 ? 1 << 1 : 0;
        bits |= h.authValue(Handle.RH_LOCKOUT).length > 0 ? 1 << 2 : 0;
        bits |= h.disableClear() ? 1 << 8 : 0;
        bits |= state.dictionaryAttack().inLockout() ? 1 << 9 : 0;
        return bits;
    }

    /** TPMA_STARTUP_CLEAR: the hierarchy enables and whether the last startup followed an orderly shutdown. */
    private int startupClear() {
        Hierarchies h = state.hierarchies();
        int bits = h.isEnabled(Handle.RH_PLATFORM) ? 1 : 0;
        bits |= h.isEnabled(Handle.RH_OWNER) ? 1 << 1 : 0;
        bits |= h.isEnabled(Handle.RH_ENDORSEMENT) ? 1 << 2 : 0;
        bits |= h.phEnableNv() ? 1 << 3 : 0;
        bits |= state.power().startedOrderly() ? 1 << 31 : 0;
        return bits;
    }

    private static void add(List<TaggedProperty> p, Pt tag, int value) {
        p.add(new TaggedProperty(tag, value));
    }

    private static int ascii(String four) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = v << 8 | (four.charAt(i) & 0xFF);
        }
        return v;
    }
}
