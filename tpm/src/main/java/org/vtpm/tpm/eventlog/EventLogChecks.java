package org.vtpm.tpm.eventlog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.vtpm.tpm.crypto.HashAlgorithm;

/**
 * Checks of a parsed log that a verifier cares about beyond its syntax: digests that must equal
 * the hash of their data, the separators and ExitBootServices action firmware must log, digest
 * sets that match the Spec ID table, PCR indices and header placement.
 */
final class EventLogChecks {

    /**
     * Types whose digest the PC Client profile defines as the hash of the event data as logged.
     * Not here: EV_EFI_VARIABLE_BOOT (some firmware hashes only VariableData) and EV_IPL (boot
     * loaders log a string but measure what it describes).
     */
    private static final Set<EventType> DIGEST_OF_DATA = EnumSet.of(
            EventType.EV_SEPARATOR,
            EventType.EV_ACTION,
            EventType.EV_EFI_ACTION,
            EventType.EV_EFI_VARIABLE_DRIVER_CONFIG,
            EventType.EV_OMIT_BOOT_DEVICE_EVENTS,
            EventType.EV_EFI_GPT_EVENT);

    static final String EXIT_BOOT_SERVICES_INVOCATION = "Exit Boot Services Invocation";

    private static final int FIRMWARE_PCRS = 8;

    private final LogFormat format;
    private final Optional<SpecIdEvent> specId;
    private final List<Event> events;
    private final boolean complete;
    private final List<Problem> problems = new ArrayList<>();

    private EventLogChecks(LogFormat format, Optional<SpecIdEvent> specId, List<Event> events, boolean complete) {
        this.format = format;
        this.specId = specId;
        this.events = events;
        this.complete = complete;
    }

    /**
     * Checks the events of a log; {@code complete} says whether parsing read the whole log, since
     * events missing from an incomplete log must not be reported as missing from the boot.
     */
    static List<Problem> check(LogFormat format, Optional<SpecIdEvent> specId, List<Event> events, boolean complete) {
        EventLogChecks checks = new EventLogChecks(format, specId, events, complete);
        checks.run();
        return checks.problems;
    }

    /**
     * The locality of the first StartupLocality event logged for PCR 0 before any event extends
     * PCR 0; a later one cannot have set the PCR's initial value and is reported as misplaced.
     */
    static Optional<Integer> startupLocality(List<Event> events) {
        for (Event event : events) {
            if (event.pcrIndex() == 0 && event.extendsPcr()) {
                return Optional.empty();
            }
            if (event.pcrIndex() == 0 && event.decoded().orElse(null) instanceof StartupLocality startup) {
                return Optional.of(startup.locality());
            }
        }
        return Optional.empty();
    }

    private void run() {
        boolean measured = false;
        boolean uefi = false;
        boolean exitBootServices = false;
        boolean pcr0Extended = false;
        boolean startupLocalitySeen = false;
        Set<Integer> separators = new TreeSet<>();
        for (Event event : events) {
            checkDigestSet(event);
            checkHeaderPlacement(event, pcr0Extended, startupLocalitySeen);
            startupLocalitySeen |= event.pcrIndex() == 0 && event.decoded().orElse(null) instanceof StartupLocality;
            if (!event.extendsPcr()) {
                continue;
            }
            measured = true;
            pcr0Extended |= event.pcrIndex() == 0;
            uefi |= Integer.compareUnsigned(event.eventType(), EventType.EV_EFI_EVENT_BASE.value()) >= 0;
            if (!ReplayedPcrs.inRange(event.pcrIndex())) {
                add(Problem.Kind.PCR_OUT_OF_RANGE, event, "PCR index " + Integer.toUnsignedString(event.pcrIndex())
                        + " is outside 0 to " + (ReplayedPcrs.PCR_COUNT - 1) + "; the event is not replayed");
            }
            if (event.is(EventType.EV_SEPARATOR)) {
                separators.add(event.pcrIndex());
            }
            if (event.is(EventType.EV_EFI_ACTION) && event.decoded().orElse(null) instanceof EventText text
                    && text.text().equals(EXIT_BOOT_SERVICES_INVOCATION)) {
                exitBootServices = true;
            }
            event.type().filter(DIGEST_OF_DATA::contains).ifPresent(type -> checkDigestOfData(event));
        }
        if (!measured) {
            add(Problem.Kind.NO_MEASUREMENTS, null, "the log extends no PCR: it holds " + events.size()
                    + (events.size() == 1 ? " event" : " events") + ", none of which is measured");
            return;
        }
        if (complete) {
            checkSeparators(separators);
            if (uefi && !exitBootServices) {
                add(Problem.Kind.MISSING_EXIT_BOOT_SERVICES, null, "the UEFI log has no EV_EFI_ACTION \""
                        + EXIT_BOOT_SERVICES_INVOCATION + "\": it was captured before the OS took over, "
                        + "or events after that point are missing");
            }
        }
    }

    private void checkSeparators(Set<Integer> separators) {
        List<Integer> missing = new ArrayList<>();
        for (int pcr = 0; pcr < FIRMWARE_PCRS; pcr++) {
            if (!separators.contains(pcr)) {
                missing.add(pcr);
            }
        }
        if (!missing.isEmpty()) {
            add(Problem.Kind.MISSING_SEPARATOR, null, "no EV_SEPARATOR for PCR" + (missing.size() == 1 ? " " : "s ")
                    + missing + ": firmware ends pre-boot measurement of each of PCRs 0 to 7 with one");
        }
    }

    private void checkDigestSet(Event event) {
        if (format != LogFormat.CRYPTO_AGILE || specId.isEmpty() || event.index() == 0) {
            return;
        }
        Set<Integer> present = new HashSet<>();
        for (EventDigest digest : event.digests()) {
            if (!present.add(digest.algId())) {
                add(Problem.Kind.DIGEST_SET_MISMATCH, event, "the event has two " + digest.algorithmName() + " digests");
            }
        }
        for (SpecIdEvent.AlgorithmDigestSize entry : specId.get().digestSizes()) {
            if (!present.contains(entry.algorithmId())) {
                add(Problem.Kind.DIGEST_SET_MISMATCH, event, "the event has no " + entry.algorithmName()
                        + " digest although the Spec ID table lists that algorithm");
            }
        }
    }

    private void checkHeaderPlacement(Event event, boolean pcr0Extended, boolean startupLocalitySeen) {
        EventData data = event.decoded().orElse(null);
        if (data instanceof SpecIdEvent && event.index() != 0) {
            add(Problem.Kind.MISPLACED_HEADER, event, "a Spec ID event may only be the first event; this one is ignored");
        }
        if (data instanceof StartupLocality) {
            if (event.pcrIndex() != 0 || pcr0Extended || startupLocalitySeen) {
                add(Problem.Kind.MISPLACED_HEADER, event, "a StartupLocality event counts only once, for PCR 0, "
                        + "before PCR 0 is extended; this one is ignored");
            }
        }
    }

    private void checkDigestOfData(Event event) {
        byte[] data = event.data().unsafeArray();
        for (EventDigest digest : event.digests()) {
            Optional<HashAlgorithm> algorithm = digest.algorithm();
            if (algorithm.isPresent() && algorithm.get().digestSize() == digest.digest().length()
                    && !Bytes.wrap(algorithm.get().hash(data)).equals(digest.digest())) {
                add(Problem.Kind.DIGEST_MISMATCH, event, "the " + digest.algorithmName() + " digest is not the hash of the "
                        + event.typeName() + " data");
            }
        }
    }

    private void add(Problem.Kind kind, Event event, String message) {
        problems.add(new Problem(kind, event == null ? -1 : event.index(), event == null ? -1 : event.offset(), message));
    }
}
