package org.vtpm.tpm.engine.state;

import java.security.SecureRandom;
import java.util.Optional;

import org.vtpm.tpm.wire.TpmFormatException;

/**
 * Everything one TPM remembers, grouped by subsystem. One instance belongs to one engine and is
 * touched by one command at a time; it serializes to the versioned format of {@link StateWriter}.
 */
public final class EngineState {

    private static final int VERSION = 1;
    /** Version 2 of the saved-sessions section marks policy sessions; version-1 readers cannot use it. */
    private static final int SAVED_SESSION_VERSION = 2;

    private final PowerState power;
    private final Clock clock;
    private final RandomSource random;
    private final Hierarchies hierarchies;
    private final PcrBanks pcrs;
    private final ObjectSlots objects;
    private final NvIndices nv;
    private final DictionaryAttack dictionaryAttack;
    private final ContextCounter contexts;
    private final SessionSlots sessions;
    private final CommandAudit audit;
    private final PcrAuthorizations pcrAuthorizations;

    private EngineState(PowerState power, Clock clock, RandomSource random, Hierarchies hierarchies, PcrBanks pcrs,
            ObjectSlots objects, NvIndices nv, DictionaryAttack dictionaryAttack, ContextCounter contexts,
            SessionSlots sessions, CommandAudit audit, PcrAuthorizations pcrAuthorizations) {
        this.power = power;
        this.clock = clock;
        this.random = random;
        this.hierarchies = hierarchies;
        this.pcrs = pcrs;
        this.objects = objects;
        this.nv = nv;
        this.dictionaryAttack = dictionaryAttack;
        this.contexts = contexts;
        this.sessions = sessions;
        this.audit = audit;
        this.pcrAuthorizations = pcrAuthorizations;
    }

    /** A new TPM with fresh seeds, as it leaves the factory (and after its first _TPM_Init). */
    public static EngineState manufacture(SecureRandom entropy) {
        RandomSource random = RandomSource.manufacture(entropy);
        return new EngineState(PowerState.manufactured(), Clock.manufactured(), random,
                Hierarchies.manufacture(random), PcrBanks.initial(), ObjectSlots.empty(),
                NvIndices.empty(), DictionaryAttack.manufactured(), ContextCounter.manufactured(),
                SessionSlots.empty(), CommandAudit.manufactured(), PcrAuthorizations.manufactured());
    }

    public PowerState power() {
        return power;
    }

    public Clock clock() {
        return clock;
    }

    public RandomSource random() {
        return random;
    }

    public Hierarchies hierarchies() {
        return hierarchies;
    }

    public PcrBanks pcrs() {
        return pcrs;
    }

    public ObjectSlots objects() {
        return objects;
    }

    public NvIndices nv() {
        return nv;
    }

    public DictionaryAttack dictionaryAttack() {
        return dictionaryAttack;
    }

    public ContextCounter contexts() {
        return contexts;
    }

    public SessionSlots sessions() {
        return sessions;
    }

    public CommandAudit audit() {
        return audit;
    }

    public PcrAuthorizations pcrAuthorizations() {
        return pcrAuthorizations;
    }

    public byte[] save() {
        return new StateWriter()
                .section(SectionId.POWER, VERSION, VERSION, power::write)
                .section(SectionId.CLOCK, Clock.VERSION, clock.minReaderVersion(), clock::write)
                .section(SectionId.RANDOM, VERSION, VERSION, random::write)
                .section(SectionId.HIERARCHIES, Hierarchies.VERSION, Hierarchies.VERSION, hierarchies::write)
                .section(SectionId.PCRS, VERSION, VERSION, pcrs::write)
                .section(SectionId.OBJECTS, ObjectSlots.VERSION, objects.minReaderVersion(), objects::write)
                .section(SectionId.NV, VERSION, VERSION, nv::write)
                .section(SectionId.PERSISTENT, VERSION, VERSION, objects::writePersistent)
                .section(SectionId.DICTIONARY_ATTACK, VERSION, VERSION, dictionaryAttack::write)
                .section(SectionId.CONTEXTS, VERSION, VERSION, contexts::write)
                .section(SectionId.SESSIONS, SessionSlots.VERSION, sessions.minReaderVersion(), sessions::write)
                .section(SectionId.SAVED_SESSIONS, SAVED_SESSION_VERSION, SAVED_SESSION_VERSION, sessions::writeSaved)
                .section(SectionId.COMMAND_AUDIT, VERSION, VERSION, audit::write)
                .section(SectionId.PCR_AUTHORIZATIONS, VERSION, VERSION, pcrAuthorizations::write)
                .toByteArray();
    }

    /**
     * Rebuilds a state saved by {@link #save}.
     *
     * @param entropy instantiates the restored engine's random number generator
     */
    public static EngineState restore(byte[] saved, SecureRandom entropy) throws StateFormatException {
        StateReader reader = StateReader.open(saved);
        SectionId current = null;
        try {
            current = SectionId.POWER;
            PowerState power = PowerState.read(reader.require(current));
            current = SectionId.CLOCK;
            Clock clock = Clock.read(reader.require(current));
            current = SectionId.RANDOM;
            RandomSource random = RandomSource.read(reader.require(current), entropy);
            current = SectionId.HIERARCHIES;
            Hierarchies hierarchies = Hierarchies.read(reader.require(current));
            current = SectionId.PCRS;
            PcrBanks pcrs = PcrBanks.read(reader.require(current));
            current = SectionId.OBJECTS;
            ObjectSlots objects = ObjectSlots.read(reader.require(current));
            current = SectionId.NV;
            Optional<StateReader.Section> nvSection = reader.optional(current);
            NvIndices nv = nvSection.isPresent() ? NvIndices.read(nvSection.get()) : NvIndices.empty();
            current = SectionId.PERSISTENT;
            Optional<StateReader.Section> persistent = reader.optional(current);
            if (persistent.isPresent()) {
                objects.readPersistent(persistent.get());
            }
            current = SectionId.DICTIONARY_ATTACK;
            Optional<StateReader.Section> da = reader.optional(current);
            DictionaryAttack dictionaryAttack = da.isPresent() ? DictionaryAttack.read(da.get())
                    : DictionaryAttack.manufactured();
            current = SectionId.CONTEXTS;
            Optional<StateReader.Section> ctx = reader.optional(current);
            ContextCounter contexts = ctx.isPresent() ? ContextCounter.read(ctx.get()) : ContextCounter.manufactured();
            current = SectionId.SESSIONS;
            Optional<StateReader.Section> sess = reader.optional(current);
            SessionSlots sessions = sess.isPresent() ? SessionSlots.read(sess.get()) : SessionSlots.empty();
            current = SectionId.SAVED_SESSIONS;
            Optional<StateReader.Section> savedSessions = reader.optional(current);
            if (savedSessions.isPresent()) {
                sessions.readSaved(savedSessions.get());
            }
            current = SectionId.COMMAND_AUDIT;
            Optional<StateReader.Section> auditSection = reader.optional(current);
            CommandAudit audit = auditSection.isPresent() ? CommandAudit.read(auditSection.get())
                    : CommandAudit.manufactured();
            current = SectionId.PCR_AUTHORIZATIONS;
            Optional<StateReader.Section> pcrAuthSection = reader.optional(current);
            PcrAuthorizations pcrAuthorizations = pcrAuthSection.isPresent()
                    ? PcrAuthorizations.read(pcrAuthSection.get()) : PcrAuthorizations.manufactured();
            return new EngineState(power, clock, random, hierarchies, pcrs, objects, nv, dictionaryAttack, contexts,
                    sessions, audit, pcrAuthorizations);
        } catch (TpmFormatException e) {
            throw new StateFormatException("section " + current + ": " + e.getMessage(), e);
        }
    }
}
