package org.vtpm.tpm.attest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;

/** Judges quoted PCRs and verified events against an {@link AttestationPolicy} and a baseline. */
final class PolicyCheck {

    private final Layer layer;
    private final AttestationPolicy policy;
    private final PcrValues quoted;
    private final Optional<List<VerifiedEvent>> events;
    private final List<Reason> reasons = new ArrayList<>();

    private PolicyCheck(Layer layer, AttestationPolicy policy, PcrValues quoted, Optional<List<VerifiedEvent>> events) {
        this.layer = layer;
        this.policy = policy;
        this.quoted = quoted;
        this.events = events;
    }

    /**
     * The reasons to fail, and the baseline learned if the policy learns one and none is stored.
     *
     * @param events the verified events, or nothing when no event log was sent
     */
    static Outcome check(Layer layer, AttestationPolicy policy, PcrValues quoted, Optional<List<VerifiedEvent>> events,
            Optional<Baseline> baseline) {
        PolicyCheck check = new PolicyCheck(layer, policy, quoted, events);
        check.coverage();
        check.referenceValues();
        check.eventRules();
        Optional<Baseline> learned = Optional.empty();
        if (policy.learnsBaseline()) {
            if (baseline.isPresent()) {
                check.baseline(baseline.get());
            } else {
                learned = Optional.of(check.learn());
            }
        }
        return new Outcome(check.reasons, learned);
    }

    record Outcome(List<Reason> reasons, Optional<Baseline> learned) {
    }

    private void coverage() {
        policy.requiredPcrs().forEach((bank, pcrs) -> {
            SortedSet<Integer> missing = new TreeSet<>(pcrs);
            missing.removeAll(quoted.bank(bank).keySet());
            if (!missing.isEmpty()) {
                reasons.add(Reason.of(layer, Reason.Code.PCR_NOT_QUOTED, "the policy judges " + bank.tpmName()
                        + " PCRs " + missing + " but the quote does not cover them"));
            }
        });
    }

    private void referenceValues() {
        policy.referencePcrs().banks().forEach((bank, values) -> values.forEach((pcr, expected) ->
                quoted.value(bank, pcr).filter(actual -> !actual.equals(expected)).ifPresent(actual -> {
                    PcrDifference difference = new PcrDifference(bank, pcr, expected, actual);
                    reasons.add(Reason.ofPcr(layer, Reason.Code.PCR_MISMATCH, difference,
                            "not the policy's reference value: " + difference));
                })));
    }

    private void eventRules() {
        if (!policy.needsEventLog()) {
            return;
        }
        if (events.isEmpty()) {
            reasons.add(Reason.of(layer, Reason.Code.EVENT_LOG_MISSING,
                    "the policy judges events but no event log was sent"));
            return;
        }
        Map<HashAlgorithm, SortedSet<Integer>> governed = new HashMap<>();
        policy.allowedEvents().forEach(event -> governed.computeIfAbsent(event.bank(), b -> new TreeSet<>()).add(event.pcr()));
        for (VerifiedEvent event : events.get()) {
            EventDigestRef ref = event.ref();
            if (governed.getOrDefault(ref.bank(), new TreeSet<>()).contains(ref.pcr())
                    && !policy.allowedEvents().contains(ref)) {
                reasons.add(new Reason(layer, Reason.Code.EVENT_NOT_ALLOWED, event + " is not allowed by the policy",
                        Optional.empty(), List.of(ref), List.of()));
            }
        }
        List<EventDigestRef> present = events.get().stream().map(VerifiedEvent::ref).toList();
        for (EventDigestRef required : policy.requiredEvents()) {
            if (!present.contains(required)) {
                reasons.add(new Reason(layer, Reason.Code.EVENT_REQUIRED_MISSING, "no verified event extends "
                        + required.bank().tpmName() + " PCR " + required.pcr() + " with the required digest "
                        + required.digest().hex(), Optional.empty(), List.of(), List.of(required)));
            }
        }
    }

    private Baseline learn() {
        PcrValues pcrs = quoted.only(policy.baselinePcrs());
        List<EventDigestRef> learned = events.orElse(List.of()).stream().map(VerifiedEvent::ref)
                .filter(ref -> pcrs.value(ref.bank(), ref.pcr()).isPresent()).toList();
        return new Baseline(pcrs, learned);
    }

    private void baseline(Baseline baseline) {
        policy.baselinePcrs().forEach((bank, pcrs) -> {
            for (int pcr : pcrs) {
                Optional<Bytes> actual = quoted.value(bank, pcr);
                Bytes expected = baseline.pcrs().value(bank, pcr).orElse(Bytes.of(new byte[0]));
                if (actual.isPresent() && !actual.get().equals(expected)) {
                    deviation(new PcrDifference(bank, pcr, expected, actual.get()), baseline);
                }
            }
        });
    }

    /** A changed PCR, with the events that differ from the baseline's in it when a log tells them. */
    private void deviation(PcrDifference difference, Baseline baseline) {
        List<EventDigestRef> unexpected = new ArrayList<>();
        List<EventDigestRef> missing = new ArrayList<>();
        if (events.isPresent()) {
            unexpected.addAll(eventsOf(events.get().stream().map(VerifiedEvent::ref).toList(), difference));
            missing.addAll(eventsOf(baseline.events(), difference));
            List<EventDigestRef> common = new ArrayList<>(unexpected);
            for (EventDigestRef event : common) {
                if (missing.remove(event)) {
                    unexpected.remove(event);
                }
            }
        }
        String events = unexpected.isEmpty() && missing.isEmpty() ? ""
                : "; events not in the baseline: " + unexpected + ", baseline events missing: " + missing;
        reasons.add(new Reason(layer, Reason.Code.BASELINE_DEVIATION, "changed since the baseline: " + difference
                + events, Optional.of(difference), unexpected, missing));
    }

    private static List<EventDigestRef> eventsOf(List<EventDigestRef> events, PcrDifference pcr) {
        return events.stream().filter(event -> event.bank() == pcr.bank() && event.pcr() == pcr.pcr()).toList();
    }
}
