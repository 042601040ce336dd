package org.vtpm.tpm.attest;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.ReplayedPcrs;
import org.vtpm.tpm.types.AlgId;
import org.vtpm.tpm.types.PcrSelect;
import org.vtpm.tpm.types.PcrSelection;
import org.vtpm.tpm.types.PcrSelectionList;

/**
 * What a TPM's PCRs and events must show. The parts combine; each empty part asks nothing.
 *
 * @param referencePcrs the value each listed PCR must have, per bank
 * @param allowedEvents the digests allowed in each PCR they name: an event of such a PCR with
 *     another digest fails; PCRs no allowed digest names are not restricted
 * @param requiredEvents digests that must be among the verified events of their PCR
 * @param baselinePcrs PCRs whose values (and events, when a log is sent) are learned at the first
 *     attestation and must stay the same afterwards
 */
public record AttestationPolicy(PcrValues referencePcrs, Set<EventDigestRef> allowedEvents,
        Set<EventDigestRef> requiredEvents, Map<HashAlgorithm, SortedSet<Integer>> baselinePcrs) {

    /** The PC Client PCRs of the firmware and boot loader, the part of a boot a baseline pins. */
    private static final SortedSet<Integer> BOOT_PCRS = new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6, 7));

    public AttestationPolicy {
        Objects.requireNonNull(referencePcrs, "referencePcrs");
        allowedEvents = Collections.unmodifiableSet(new LinkedHashSet<>(allowedEvents));
        requiredEvents = Collections.unmodifiableSet(new LinkedHashSet<>(requiredEvents));
        Map<HashAlgorithm, SortedSet<Integer>> baseline = new EnumMap<>(HashAlgorithm.class);
        baselinePcrs.forEach((bank, pcrs) -> {
            if (!pcrs.isEmpty()) {
                baseline.put(bank, Collections.unmodifiableSortedSet(new TreeSet<>(pcrs)));
            }
        });
        baselinePcrs = Collections.unmodifiableMap(baseline);
        union(referencePcrs, allowedEvents, requiredEvents, baselinePcrs).forEach((bank, pcrs) -> {
            if (pcrs.first() < 0 || pcrs.last() >= ReplayedPcrs.PCR_COUNT) {
                throw new IllegalArgumentException("the policy names " + bank.tpmName() + " PCRs " + pcrs
                        + " outside 0 to " + (ReplayedPcrs.PCR_COUNT - 1));
            }
        });
    }

    /** The policy of a TPM that has none: a SHA-256 baseline of PCRs 0 to 7, learned at first attestation. */
    public static AttestationPolicy baseline() {
        return baseline(Map.of(HashAlgorithm.SHA256, BOOT_PCRS));
    }

    public static AttestationPolicy baseline(Map<HashAlgorithm, SortedSet<Integer>> pcrs) {
        return new AttestationPolicy(PcrValues.EMPTY, Set.of(), Set.of(), pcrs);
    }

    /**
     * The policy a known-good boot implies: the PCR values its log replays to in {@code bank}, and
     * exactly its event digests allowed in each PCR it extends.
     */
    public static AttestationPolicy fromEventLog(EventLog log, HashAlgorithm bank) {
        Set<EventDigestRef> allowed = new LinkedHashSet<>();
        for (Event event : log.events()) {
            if (event.extendsPcr() && event.pcrIndex() >= 0 && event.pcrIndex() < ReplayedPcrs.PCR_COUNT) {
                event.digest(bank).ifPresent(digest -> allowed.add(new EventDigestRef(bank, event.pcrIndex(), digest)));
            }
        }
        PcrValues reference = new PcrValues(Map.of(bank, log.replay().values(bank)));
        return new AttestationPolicy(reference, allowed, Set.of(), Map.of());
    }

    /** Whether judging this policy needs an event log. */
    public boolean needsEventLog() {
        return !allowedEvents.isEmpty() || !requiredEvents.isEmpty();
    }

    public boolean learnsBaseline() {
        return !baselinePcrs.isEmpty();
    }

    /** Every PCR this policy judges, per bank: those a quote for it must cover. */
    public Map<HashAlgorithm, SortedSet<Integer>> requiredPcrs() {
        return union(referencePcrs, allowedEvents, requiredEvents, baselinePcrs);
    }

    private static Map<HashAlgorithm, SortedSet<Integer>> union(PcrValues referencePcrs,
            Set<EventDigestRef> allowedEvents, Set<EventDigestRef> requiredEvents,
            Map<HashAlgorithm, SortedSet<Integer>> baselinePcrs) {
        Map<HashAlgorithm, SortedSet<Integer>> required = new EnumMap<>(HashAlgorithm.class);
        referencePcrs.indices().forEach((bank, pcrs) -> required.computeIfAbsent(bank, b -> new TreeSet<>()).addAll(pcrs));
        for (Set<EventDigestRef> events : List.of(allowedEvents, requiredEvents)) {
            events.forEach(event -> required.computeIfAbsent(event.bank(), b -> new TreeSet<>()).add(event.pcr()));
        }
        baselinePcrs.forEach((bank, pcrs) -> required.computeIfAbsent(bank, b -> new TreeSet<>()).addAll(pcrs));
        return required;
    }

    /** The TPML_PCR_SELECTION to quote: {@link #requiredPcrs()}, banks in TPM_ALG_ID order. */
    public PcrSelectionList quoteSelection() {
        List<PcrSelection> selections = requiredPcrs().entrySet().stream()
                .map(bank -> new PcrSelection(new AlgId(bank.getKey().algId()),
                        PcrSelect.of(bank.getValue().stream().mapToInt(Integer::intValue).toArray())))
                .toList();
        return new PcrSelectionList(selections);
    }
}
