package org.vtpm.tpm.eventlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * A parsed TCG PC Client event log: its events, the PCR banks it can be replayed into, and the
 * problems found in it. Parsing never throws on bad bytes: a malformed or truncated log yields the
 * events read before the fault and a {@link Problem} saying where and why.
 */
public final class EventLog {

    private final LogFormat format;
    private final Optional<SpecIdEvent> specId;
    private final List<Event> events;
    private final List<HashAlgorithm> banks;
    private final Optional<Integer> startupLocality;
    private final List<Problem> problems;
    private final boolean complete;

    private EventLog(LogFormat format, Optional<SpecIdEvent> specId, List<Event> events, List<Problem> parseProblems) {
        this.format = format;
        this.specId = specId;
        this.events = List.copyOf(events);
        this.banks = replayableBanks(format, specId);
        this.startupLocality = EventLogChecks.startupLocality(this.events);
        this.complete = parseProblems.stream().noneMatch(problem -> problem.kind().endsParsing());
        List<Problem> all = new ArrayList<>(parseProblems);
        all.addAll(EventLogChecks.check(format, specId, this.events, complete));
        this.problems = List.copyOf(all);
    }

    /** Parses a log (the bytes of {@code binary_bios_measurements}) with the default limits. */
    public static EventLog parse(byte[] log) {
        return parse(log, ParseLimits.DEFAULT);
    }

    /** Parses a log under {@code limits}; a log or field beyond them is reported, not read. */
    public static EventLog parse(byte[] log, ParseLimits limits) {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(limits, "limits");
        EventLogParser parser = EventLogParser.parse(log, limits);
        return new EventLog(parser.format(), parser.specId(), parser.events(), parser.problems());
    }

    public LogFormat format() {
        return format;
    }

    /** The header event's contents, when the log starts with one. */
    public Optional<SpecIdEvent> specId() {
        return specId;
    }

    /** The events in log order, the header event included. */
    public List<Event> events() {
        return events;
    }

    /**
     * The banks this log can be replayed into: SHA-1 for a SHA-1 log, and for a crypto-agile log
     * the algorithms of the Spec ID table that are known here with the table's digest size.
     */
    public List<HashAlgorithm> banks() {
        return banks;
    }

    /** The locality of a StartupLocality event, which sets PCR 0's initial value. */
    public Optional<Integer> startupLocality() {
        return startupLocality;
    }

    /** Everything wrong or unusual, from parsing and from the checks, in order of discovery. */
    public List<Problem> problems() {
        return problems;
    }

    /** Whether every byte of the log was read, that is whether no problem ended parsing. */
    public boolean complete() {
        return complete;
    }

    /** Replays the events into every bank of {@link #banks()}. */
    public ReplayedPcrs replay() {
        return ReplayedPcrs.replay(events, banks, startupLocality.orElse(0));
    }

    private static List<HashAlgorithm> replayableBanks(LogFormat format, Optional<SpecIdEvent> specId) {
        if (format == LogFormat.SHA1 || specId.isEmpty()) {
            return List.of(HashAlgorithm.SHA1);
        }
        List<HashAlgorithm> banks = new ArrayList<>();
        for (SpecIdEvent.AlgorithmDigestSize entry : specId.get().digestSizes()) {
            HashAlgorithm.fromAlgId(entry.algorithmId())
                    .filter(algorithm -> algorithm.digestSize() == entry.digestSize())
                    .ifPresent(banks::add);
        }
        return List.copyOf(banks);
    }
}
