package org.vtpm.tpm.attest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

import org.vtpm.tpm.crypto.HashAlgorithm;
import org.vtpm.tpm.eventlog.Bytes;
import org.vtpm.tpm.eventlog.Event;
import org.vtpm.tpm.eventlog.EventLog;
import org.vtpm.tpm.eventlog.ReplayedPcrs;

/**
 * Replays an event log and compares the result with the quoted PCRs, in every bank both have.
 * A PCR the log never extends is not judged here: the log claims nothing about it, and PCRs such
 * as IMA's are measured outside the firmware log. The events of the PCRs that match are returned
 * as verified, for the policy to judge.
 *
 * @param reasons what is wrong with the log
 * @param verifiedEvents the events the quote vouches for, in log order, per bank
 */
public record EventLogCheck(List<Reason> reasons, List<VerifiedEvent> verifiedEvents) {

    public EventLogCheck {
        reasons = List.copyOf(reasons);
        verifiedEvents = List.copyOf(verifiedEvents);
    }

    public static EventLogCheck check(Layer layer, Bytes logBytes, PcrValues quoted) {
        Objects.requireNonNull(logBytes, "logBytes");
        EventLog log = EventLog.parse(logBytes.toByteArray());
        List<Reason> reasons = new ArrayList<>();
        log.problems().stream().filter(problem -> problem.kind().endsParsing()).findFirst().ifPresent(problem ->
                reasons.add(Reason.of(layer, Reason.Code.EVENT_LOG_MALFORMED, "the event log cannot be read to its end: "
                        + problem)));
        ReplayedPcrs replayed = log.replay();
        List<VerifiedEvent> verified = new ArrayList<>();
        boolean bankInCommon = false;
        for (Map.Entry<HashAlgorithm, SortedMap<Integer, Bytes>> bank : quoted.banks().entrySet()) {
            if (!replayed.banks().contains(bank.getKey())) {
                continue;
            }
            bankInCommon = true;
            List<Integer> matching = new ArrayList<>();
            bank.getValue().forEach((pcr, actual) -> {
                Optional<Bytes> expected = replayed.value(bank.getKey(), pcr);
                if (expected.isEmpty()) {
                    return;
                }
                if (expected.get().equals(actual)) {
                    matching.add(pcr);
                } else {
                    PcrDifference difference = new PcrDifference(bank.getKey(), pcr, expected.get(), actual);
                    reasons.add(Reason.ofPcr(layer, Reason.Code.EVENT_LOG_REPLAY_MISMATCH, difference,
                            "replaying the event log does not give the quoted value: " + difference));
                }
            });
            for (Event event : log.events()) {
                if (event.extendsPcr() && matching.contains(event.pcrIndex())) {
                    event.digest(bank.getKey()).ifPresent(digest -> verified.add(new VerifiedEvent(event.index(),
                            event.typeName(), new EventDigestRef(bank.getKey(), event.pcrIndex(), digest))));
                }
            }
        }
        if (!bankInCommon) {
            reasons.add(Reason.of(layer, Reason.Code.EVENT_LOG_REPLAY_MISMATCH, "the event log has banks "
                    + replayed.banks() + " but the quote covers " + quoted.banks().keySet()));
        }
        return new EventLogCheck(reasons, verified);
    }
}
